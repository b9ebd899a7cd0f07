"""Domain knowledge for grouping informational-interview questions.

Generic text similarity confuses "What do you like best?" with "What do you like least?" and misses
"Describe a typical week" vs "What do you do day to day?". So questions are mapped to *intents*: each intent is a
list of regular expressions over normalised text (see ``grouping.normalise``). Intents are tried in order and the
first match wins, which is how contrast is kept: the more specific or polar intents (least before best, "would you
do differently" before "your career path", "how would you get in today" after "how did you get in") come first.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Intent:
    """One thing a question asks about.

    Attributes:
        slug: stable identifier, also the grouping key.
        topic: slug of the taxonomy topic this intent belongs to (see ``taxonomy.TOPICS``).
        patterns: regular expressions over normalised text; any one matching selects the intent.
    """

    slug: str
    topic: str
    patterns: tuple[str, ...]


# Reusable fragments.
_JOB = r"(?:job|jobs|work|role|roles|position|positions|career|careers|occupation|profession|field|industry|line of work|sector|area)"
_ORG = r"(?:company|companies|organi[sz]ation|organi[sz]ations|firm|employer|agency|business|team|office|here|there)"
_PEOPLE = r"(?:anyone|someone|somebody|anybody|people|others|other professionals|contacts?|colleagues|person)"
_CONTACT = r"(?:talk|speak|contact|reach out|meet|connect|network with|interview|chat|get in touch|email)"

INTENTS: tuple[Intent, ...] = (
    Intent("anything-else", "advice", (
        r"\banything (?:else )?(?:that )?(?:i|we) (?:should|could|ought to) (?:have )?(?:ask|cover|discuss)",
        r"\bquestions? (?:should|could|ought) i (?:have )?ask",
        r"\b(?:anything|what) (?:else )?(?:did|have) (?:i|we) (?:not |fail to )?(?:ask|cover|miss)",
        r"\banything else (?:you think |you feel )?(?:i|that i) should know",
        r"\banything (?:else )?(?:you would like|you want|you d like) to (?:add|share|tell)",
        r"\bis there anything (?:else )?(?:important )?(?:i|we) (?:missed|have not|did not)",
        r"\bwhat (?:else )?should i (?:have )?asked",
    )),
    Intent("follow-up", "resources-referrals", (
        r"\b(?:stay|keep) in touch\b",
        r"\b(?:contact|reach out to|follow up with|email|call|get back to) you (?:again|later|in the future|if|with)",
        r"\bfollow(?:ing)? up\b",
        r"\bmay i (?:contact|email|call) you\b",
    )),
    Intent("use-name", "resources-referrals", (
        r"\b(?:use|using|used|mention|mentioning|mentioned|give|giving|drop|dropping|cite|citing) your name\b",
        r"\byou referred me\b",
    )),
    Intent("who-else", "resources-referrals", (
        r"\bwho else\b",
        rf"\b{_PEOPLE}\b.{{0,40}}\b{_CONTACT}",
        rf"\bwho (?:should|could|would|can|do you think|else|might|would you recommend)\b.{{0,40}}\b(?:{_CONTACT}|recommend|suggest)",
        r"\b(?:introduce me|refer me to|put me in touch|connect me with|introductions?\b)",
        r"\bnames? of (?:people|others|anyone|contacts|professionals)",
        r"\b(?:other|more) (?:people|professionals|contacts) (?:i|to|who|that)",
    )),
    Intent("resume", "advice", (
        r"\b(?:resume|resumes|cv|curriculum vitae|cover letters?|linkedin profile|portfolio review)\b",
        r"\b(?:review|critique|look at) my (?:portfolio|linkedin|application materials)",
    )),
    Intent("background-fit", "advice", (
        r"\b(?:assess|evaluate|rate|judge) (?:my|the experience i)\b|\b(?:based on|given|considering) (?:what you know about me|my (?:background|experience|skills|profile|qualifications|degree|major))",
        r"\bmy (?:background|experience|skills|profile|qualifications|degree|major)\b.{0,40}\b(?:fit|suited|qualified|match|compare|competitive|prepared|transfer)",
        r"\b(?:how|where) (?:would|do|might|could) i (?:fit|fit in)\b",
        r"\bam i (?:a good fit|qualified|suited|on the right track|ready)",
    )),
    Intent("training", "company-culture", (
        rf"\b{_ORG}\b.{{0,30}}\b(?:offer|offers|provide|provides|pay for|pays for|support|supports|sponsor|fund|reimburse|invest in)\b.{{0,30}}\b(?:training|courses|classes|learning|education|development|conferences|certification|degree|growth)",
        r"\b(?:professional|career|skills?) development\b",
        r"\bon the job training\b|\btraining (?:programs?|opportunit\w*|offered|provided|do you get|does your)",
        r"\bwhat training (?:does|do|did|is offered)",
        r"\btraining\b.{0,30}\b(?:receive|new (?:employees|hires|staff|starters))\b|\b(?:kinds?|types?|sorts?) of training\b(?!.{0,20}\b(?:need|needed|required|necessary|should i)\b)",
        r"\bcontinu(?:ing|ed|ous|e) (?:education|learning|to learn)\b",
        r"\b(?:mentor\w* (?:program|scheme)s?|tuition (?:assistance|reimbursement)|learning opportunit\w*|upskill\w*)",
        r"\b(?:keep|keeping) (?:learning|your skills)\b",
    )),
    Intent("associations", "resources-referrals", (
        r"\b(?:professional|trade|industry|student) (?:associations?|organi[sz]ations?|groups?|societ\w+|bod\w+|clubs?)\b",
        r"\bassociations?\b|\bsociet(?:y|ies)\b",
        r"\b(?:conferences?|meetups?|networking events?|career fairs?|trade shows?)\b",
        r"\borgani[sz]ations? .{0,30}\b(?:join|belong|member)",
        r"\b(?:join|joining|member of|membership)\b.{0,30}\b(?:groups?|organi[sz]ations?|communit\w+)",
    )),
    Intent("resources", "resources-referrals", (
        r"\b(?:read|reading|books?|websites?|web sites?|sites|blogs?|podcasts?|newsletters?|journals?|publications?|magazines?|periodicals|literature|youtube|channels?|forums?)\b",
        r"\b(?:online )?resources?\b(?<!human resources)",
        r"\bkeep (?:up|current|up to date) with\b|\bstay (?:current|up to date|informed|on top)\b",
        r"\b(?:learn|find out|research) more about\b|\binformation (?:about|on)\b|\bfind (?:reliable |good |more |useful )?information\b",
        r"\bwhere (?:can|should|do|could) i (?:learn|look|find information|read|research)",
        r"\bwho (?:should|do) i follow\b|\b(?:follow|read) (?:online|regularly)\b",
    )),
    Intent("salary", "compensation-lifestyle", (
        r"\bsalar\w*|\bcompensat\w*|\bincome\b|\bwages?\b|\bbonus\w*|\bcommissions?\b|\bpay\b(?! for)|\bpaid\b|\bpaying\b",
        r"\bearn\w*\b|\bmoney\b|\bbenefits package\b|\bbenefits\b|\bstock options?\b|\bequity\b|\bpay ?scale",
        r"\bhow much (?:do|does|can|could|will|would) .{0,30}\bmake\b|\bfinancial\w*",
        r"\braises?\b",
    )),
    Intent("hours", "compensation-lifestyle", (
        r"\bbusiest\b|\bbusy (?:times?|periods?|seasons?)\b|\bpeak (?:times?|periods?|seasons?)\b|\bseasonal\w*|\bhours?\b|\bovertime\b|\bweekends?\b|\bnight shifts?\b|\bon call\b|\b9 to 5\b|\bnine to five\b",
        r"\bhow long\b.{0,25}\b(?:work ?days?|days?|weeks?|shifts?)\b(?!.{0,20}\b(?:take|took))",
        r"\b(?:work|working|daily) schedule\b|\bwhat is your schedule\b|\bschedule like\b",
        r"\bhow (?:much|long) (?:do|does) you work\b|\bwork late\b|\blong days\b",
    )),
    Intent("work-life", "compensation-lifestyle", (
        r"\bworkloads?\b|\bsustainable (?:pace|workload|hours)\b|\bkeep .{0,20}\bsustainable\b",
        r"\bwork ?life\b|\bbalance\b|\bpersonal life\b|\bfamil(?:y|ies)\b|\blife ?style\b|\bburn ?out\b|\bburned out\b",
        r"\bfree time\b|\bhobbies\b|\btime off\b|\bvacations?\b|\bholidays?\b|\bflexib\w*|\bremote\b|\bwork from home\b|\bhybrid\b",
        r"\b(?:take|takes) over your life\b|\b(?:evenings|nights) (?:free|to yourself|for yourself)\b|\blife outside (?:of )?work\b|\boutside of work\b|\bsacrific\w*|\bquality of life\b|\bsocial life\b",
        r"\bparental leave\b|\bwell ?being\b|\bmental health\b",
    )),
    Intent("travel-location", "compensation-lifestyle", (
        r"\btravel\w*|\brelocat\w*|\blocation\w*|\bgeograph\w*|\b(?:which|what|best|other|big|different) (?:cities|city)\b|\b(?:live|move|based|work) in (?:a |the |which |another )?(?:big |different )?(?:city|cities)\b|\babroad\b|\binternationally\b|\bmove (?:to|for|cities)\b|\bwhere (?:do|should|would) .{0,15}\blive\b|\bregions?\b",
    )),
    Intent("likes-least", "day-to-day", (
        r"\bleast\b(?<!at least)|\bdislik\w*|\bworst\b|\bdownsides?\b|\bdrawbacks?\b|\bdisadvantages?\b|\bnegatives?\b|\bcons\b",
        r"\bfrustrat\w*|\bannoy\w*|\bhate\b|\birritat\w*|\bunpleasant\b|\bboring\b|\btedious\b|\bdrudgery\b|\bpain points?\b",
        r"\b(?:do not|does not|not|never|nt) (?:really )?(?:like|enjoy|love|look forward)\b",
        r"\bless (?:enjoyable|fun|rewarding|satisfying|appealing|pleasant|glamorous)\b|\bnot so (?:great|fun|glamorous)\b",
        r"\bchange (?:one thing|a thing|anything|something|one aspect|one part)\b.{0,10}\babout (?:your|the|this) (?:job|work|role|position|day|days|workplace)\b|\bdo without\b|\bget rid of\b|\bgive up\b|\bunsatisf\w*|\bwish (?:you|it) (?:could|did not|were different)",
    )),
    Intent("likes-best", "day-to-day", (
        r"\b(?:like|likes|enjoy|enjoys|love|loves|appreciate|value)\b.{0,30}\b(?:best|most)\b",
        r"\bmost (?:rewarding|satisfying|enjoyable|fulfilling|fun|exciting|meaningful|gratifying|interesting|fascinating|enjoy)\b",
        r"\b(?:favou?rite|best) (?:part|parts|thing|things|aspect|aspects|moments?|projects?|days?)\b",
        r"\b(?:rewarding|rewards|satisf\w*|fulfil\w*|gratif\w*|enjoy\w*|fun)\b",
        r"\bkeeps? you (?:going|motivated|excited|interested|engaged|here|in (?:this|the))\b|\bmotivates? you\b",
        r"\b(?:out of bed|excites you|excited about|proud of|passionate about|love about|like about|upsides?|perks?|pros\b|highlights?)",
    )),
    Intent("surprise", "career-path", (
        r"\bsurpris\w*|\bunexpected\w*|\bcaught you off guard|\bshock\w*|\beye ?open\w*",
        r"\b(?:than|what) (?:you |i )?(?:had )?expected\b|\bnot (?:what )?(?:you |i )?expected\b|\b(?:match|meet|met|matched|live up to|lived up to) (?:your )?expectations\b|\bexpect(?:ed)? when you\b",
        r"\bmyths?\b|\bmisconceptions?\b|\bmisunderst\w*|\bpeople (?:do not|often do not|rarely) (?:realise|realize|know|understand)",
    )),
    Intent("differently", "career-path", (
        r"\bdifferently\b|\bdo over\b|\bstart(?:ed|ing)? (?:all )?over\b|\bgo back\b|\bregret\w*|\bhindsight\b|\blooking back\b",
        r"\bchange anything\b|\bchange (?:about|in) your (?:career|path|choices|education|journey)",
        r"\b(?:choose|pick|do|take) (?:it|this|that|the same \w+|this \w+|this \w+ \w+) (?:all over )?again\b",
        r"\bsame (?:path|choice|choices|decision|decisions|route)\b|\bif you could (?:redo|change|start again|do it)\b|\bdo it all again\b",
    )),
    Intent("wish-known", "career-path", (
        r"\bwish\w*\b.{0,40}\b(?:known|knew|told|learned|learnt|realised|realized|understood)\b",
        r"\b(?:known|knew|learned|learnt) (?:before|earlier|sooner|then|at the start|when you (?:started|began|were starting))",
        r"\bwhat do you know now\b|\bhad i known\b|\bnobody told you\b|\bno one told you\b|\byounger self\b",
    )),
    Intent("mistakes", "advice", (
        r"\bmistakes?\b|\bpitfalls?\b|\bavoid\w*|\berrors?\b|\btraps?\b|\bred flags?\b|\bblunders?\b",
        r"\bwhat (?:not|should i not|should not i) to do\b|\bwhat not to\b",
    )),
    Intent("lessons", "advice", (
        r"\blessons?\b|\b(?:most important|biggest|best|key) (?:thing|things)\b.{0,30}\b(?:learned|learnt)\b",
        r"\bwhat (?:have|did) you learn(?:ed|t)?\b",
    )),
    Intent("industry-issues", "industry-trends", (
        r"\b(?:industry|sector|profession|market|field)\b.{0,30}\b(?:facing|faces|face|threats?|concerns?|controvers\w*)\b",
        r"\b(?:challenges?|problems?|issues?|threats?|concerns?|risks?)\b.{0,30}\b(?:facing|face|in|for|confronting) (?:the|this|your|our) (?:industry|sector|profession|market)\b",
        r"\b(?:biggest|major|key|main) (?:issues?|threats?|debates?)\b",
    )),
    # Two independent labellers kept "how stressful is it" apart from "what are the challenges".
    Intent("stress", "day-to-day", (
        r"\bstress\w*|\bpressures?\b|\bunder pressure\b|\bdeadlines?\b|\bhigh stakes\b|\bcope\b|\bcoping\b",
    )),
    Intent("challenges", "day-to-day", (
        r"\bchalleng\w*|\bhardest\b|\bdifficult\w*|\bobstacles?\b|\bhurdles?\b|\bstruggl\w*|\btough\w*|\bhard part",
        r"\bdemanding\b|\bsetbacks?\b|\bfailures?\b",
        r"\bproblems? (?:do you|you) (?:face|deal|encounter|solve|run into)",
    )),
    Intent("future-plans", "career-path", (
        r"\bnext (?:step|steps|move) (?:in|for) your (?:career|professional life)\b|\b(?:you|your) .{0,25}\b(?:accomplish|achieve)\b|\bsee yourself\b|\bwhat is next for you\b|\bnext for you\b|\byour next (?:step|move|role|career move)",
        r"\b(?:your|you) .{0,15}\b(?:long term|future|career|professional) (?:goals?|plans?|aspirations?|ambitions?)\b",
        r"\bwhere (?:do|will|would) you (?:go|be|want to go|want to be|like to be|hope to be)\b.{0,20}\b(?:next|from here|years|future)",
        r"\byour (?:own )?career (?:to )?go\b|\bgo next\b|\bwhat (?:do|would) you (?:want|like|plan|hope) to do next\b|\bstay in this (?:role|job|position) long term\b",
    )),
    Intent("company-outlook", "company-culture", (
        rf"\b{_ORG}\b(?: s)?.{{0,25}}\b(?:plans?|goals?|strateg\w*|direction|growth|expand\w*|competitors?|compete|different|differ|unique|distinguish\w*|sets? (?:it|you) apart)\b",
        r"\b(?:competitors?|competition) (?:of|for) (?:your|the) (?:company|organi[sz]ation|firm)",
        r"\bwhat makes (?:your|the|this) (?:company|organi[sz]ation|firm|team) (?:different|unique|special)",
    )),
    Intent("stand-out", "hiring-entry", (
        r"\b(?:i|me|myself|applicants?|candidates?|applications?|graduates?|students?|someone|resume|people)\b.{0,25}\bstand ?out\b",
        r"\bstand out (?:as|from|among)\b|\bset (?:me|myself|yourself|candidates|applicants) apart\b",
        r"\b(?:competitive|strong|stronger|strongest|ideal|successful|good|top|great|best) (?:candidates?|applicants?|applications?|hires?)\b",
        r"\b(?:look|looking|value|want|seek)s? (?:for )?in (?:a |an |new )?(?:candidates?|applicants?|new hires?|hires?|employees?|interns?|graduates?|entry level (?:hires|candidates|employees))\b",
        r"\bwhat (?:do|does) (?:you|employers|hiring managers|managers|recruiters|companies|firms|your company|your team) (?:look for|value|want|seek|expect)",
        r"\b(?:more )?(?:attractive|competitive|marketable|employable|appealing) (?:to employers|candidate|applicant|application)|\bmore (?:competitive|marketable|employable)\b",
        r"\bwould you hire\b|\blook for (?:if|when) (?:you were |you are )?hiring\b|\bimpress\w*\b.{0,20}\b(?:employers|recruiters|interviewers|hiring)",
    )),
    Intent("outlook", "industry-trends", (
        r"\bjob (?:outlook|market|prospects|security|stability|growth|availability)\b|\bemployment (?:outlook|prospects|rate)",
        r"\boutlook\b|\bprospects\b|\bin (?:high )?demand\b|\bdemand for\b|\bhigh demand\b|\blayoffs?\b|\bsaturated\b|\bshortage\b|\boversupply\b",
        r"\bhow (?:competitive|secure|stable)\b|\b(?:competitive|secure|stable) (?:is|are)\b|\bjob secur\w*|\bcompetition for (?:jobs|positions|roles)",
        r"\b(?:hard|easy|difficult|tough) (?:is it )?to (?:find|get|land) (?:a |an )?(?:job|work|position|role)",
        r"\b(?:many|enough|plenty of) (?:jobs|openings|positions|opportunities) (?:available|out there|for)",
    )),
    Intent("related", "career-path", (
        r"\brelated (?:careers?|fields?|jobs?|occupations?|roles?|areas?|industries|positions|paths?)",
        r"\bsimilar (?:fields?|careers?|jobs?|roles?|industries|positions|areas?|paths?)\b",
        r"\b(?:other|alternative|adjacent) (?:jobs|careers|fields|roles|occupations|industries|options|paths|routes|areas)\b",
        r"\btransferable\b|\bsame skills\b|\bskills (?:transfer|carry over)",
    )),
    # An early, narrow entry for advancement: "where could this job lead in five years" is not about trends.
    Intent("advancement", "career-path", (
        r"\bwhere (?:can|could|does|will|might|would) (?:this|the|a|your|that|such a) (?:job|role|position|career|work)\b.{0,10}\b(?:lead|take)\b",
    )),
    Intent("trends", "industry-trends", (
        r"\btrends?\b|\btrending\b|\bfuture\b|\bheaded\b|\bheading\b|\bevolv\w*|\bdevelopments?\b|\binnovation\w*|\bemerging\b|\bdisrupt\w*",
        rf"\b(?:industry|field|profession|sector|market|{_JOB})\b.{{0,25}}\b(?:going|changing|change|changed|shifting|growing|transform\w*)\b",
        rf"\bchanges?\b.{{0,30}}\b{_JOB}\b",
        r"\b(?:growing|expanding) or (?:shrinking|declining|contracting)\b|\b(?:shrinking|declining)\b",
        r"\b(?:changes?|shifts?|direction) (?:in|of|to|for) (?:the|this|your) (?:industry|field|profession|sector|market|job|work|career)",
        r"\b(?:ai|artificial intelligence|automation|machine learning|technology|technologies|economy|recession|regulation\w*|globali[sz]ation|pandemic|covid)\b.{0,40}\b(?:affect\w*|impact\w*|chang\w*|shap\w*|influenc\w*|disrupt\w*|replac\w*)",
        r"\b(?:affect\w*|impact\w*|chang\w*|shap\w*|influenc\w*|disrupt\w*|replac\w*)\b.{0,40}\b(?:ai|artificial intelligence|automation|technology|economy|recession)\b",
        r"\b(?:next|in) (?:few|five|ten|twenty|couple of|\d+) years\b|\b(?:years?|decades?) from now\b|\bin (?:a|the next) decade\b|\bgrowth areas?\b|\bhot topics?\b|\bnew technolog\w*|\bbuzz\w*|\bup and coming\b",
        r"\bhow has (?:the|this|your) (?:industry|field|profession|job|role|work) changed",
    )),
    Intent("motivation", "career-path", (
        r"\bwhy (?:did|do) you (?:choose|chose|pick|decide|go|get|become|enter|pursue|want|work|stay|join|leave|switch|move)\b",
        r"\bwhy (?:this|that|the) (?:field|career|industry|job|company|profession|line of work)\b",
        r"\b(?:motivated|inspired|attracted|drew|draw|drawn|pulled) you\b|\bdraws you\b",
        r"\bmade you (?:want|choose|decide|pick|go|become|get interested|interested|switch|enter|pursue)",
        r"\b(?:what|who) led you to (?:choose|pursue|decide|become|go into|want|switch|consider)",
        r"\bhow did you (?:choose|decide|pick|know)\b|\b(?:got|get|become|became|first) interested\b|\binterested you\b|\bspark\w*\b",
        r"\bappeal\w* (?:to you|about)\b|\breasons? (?:you|for choosing|for going|why you)",
    )),
    Intent("career-path", "career-path", (
        r"\b(?:how|when|where|at what point) did you (?:first |initially |originally )?(?:get|start|begin|break|end up|land|become|enter|find|come|wind up|make|transition|move|arrive|go from|switch|join)",
        r"\b(?:your|you) (?:career |professional |educational )?(?:path|journey|trajectory|route|story|background|history)\b",
        r"\bhow you (?:got|came|ended up|became|started|began|landed|found)\b",
        r"\bled you (?:to|into|here)\b|\bbrought you (?:to|here|into)\b|\bwhat did you do before\b|\bbefore (?:this|that|you joined|joining)\b",
        r"\btell me (?:a (?:bit|little) )?about (?:yourself|your (?:career|background|path|experience|journey))",
        r"\byour (?:previous|past|prior|first|earlier) (?:jobs?|roles?|positions?|experience|careers?)\b|\bbefore (?:this|your current) (?:job|role|position)",
        r"\bhow long have you (?:been|worked)\b|\bsteps did you take\b|\bdid to (?:get|land) (?:your|this|the) (?:job|role|position)\b|\b(?:got|get) (?:to )?where you are\b|\bhow did you get here\b",
        r"\b(?:experiences?|jobs?) (?:best )?prepared you\b|\bhow did you prepare\b(?! for (?:the |an |your |my |job )?interviews?\b)",
    )),
    Intent("advice", "advice", (
        r"\badvice\b|\badvise\b|\btips?\b|\bpointers?\b|\bguidance\b|\bwords of wisdom\b|\bsuggestions?\b|\bcounsel\b",
        r"\bwhat would you (?:tell|say to|recommend(?: to)?|suggest(?: to)?) (?:someone|a student|me|students|people|a person|a newcomer|somebody|a graduate|new grads|graduates|anyone|an? \w+ (?:student|graduate|newcomer|person|career changer))",
        r"\bif you were (?:me|in my (?:position|shoes|place|situation))\b|\bin my shoes\b",
        r"\bwhat should i (?:do|focus on|be doing|prioriti[sz]e|work on)\b|\bhow (?:can|should|do|could) i (?:best )?prepare\b|\bto prepare (?:myself|for)\b",
        r"\brecommend (?:that )?i (?:do|focus|try|start|work|prioriti[sz]e|spend)\b|\b(?:recommendations?|recommend) (?:for|to) (?:someone|a student|students|me|newcomers|beginners|people)",
    )),
    Intent("entry-roles", "hiring-entry", (
        r"\bentry ?level\b|\bentry (?:jobs|positions|roles)\b|\bjunior (?:roles?|positions?|jobs?|staff)\b|\bgraduate (?:schemes?|programs?|roles?|positions?|jobs?)",
        r"\bstarting (?:points?|positions?|roles?|jobs?)\b|\b(?:typical|usual|common|good) first (?:jobs?|roles?|positions?)\b",
        r"\b(?:jobs|positions|roles|openings|opportunities)\b.{0,35}\b(?:new grads?|graduates?|recent grads?|beginners?|someone starting|starting out|someone new|students|newcomers|someone with my)",
        r"\b(?:new grads?|recent grads?|graduates?|beginners?|newcomers)\b.{0,30}\b(?:jobs|positions|roles|get hired as|start as|start in)",
        r"\bwhere (?:do|does|should|would|can) (?:most )?(?:people|someone|beginners|graduates|i) (?:start|begin)\b",
    )),
    Intent("experience", "skills-education", (
        r"\binternships?\b|\bintern\b|\bvolunteer\w*|\bextracurricular\w*|\bpart ?time (?:jobs?|work)\b|\bsummer (?:jobs?|work)\b|\bco ?ops?\b|\bshadow\w*",
        r"\b(?:gain|get|build|acquire|obtain|develop|have) (?:some |more |any |the right |enough )?(?:relevant |practical |hands on |real world |work |industry )?experience\b",
        r"\bwhat (?:kind of |type of |sort of )?experience\b|\bexperience (?:should|do|would|is|will|that)\b|\bhow much experience\b",
        r"\b(?:side )?projects? (?:could|should|can|would|might|i)\b|\bside projects?\b|\bportfolio\b|\bassignments?\b|\btest (?:my|the) (?:interest|waters)",
    )),
    Intent("break-in", "hiring-entry", (
        r"\bbreak(?:ing)? (?:in|into)\b|\bfoot in the door\b|\bget (?:my |your |a )?start\b",
        r"\b(?:get|getting|go|going|start|starting) (?:into|in to|in|started in|out in)\b.{0,40}\b(?:today|now|these days|nowadays|currently|right now|in today)\b",
        r"\bif you were (?:starting|beginning|just starting|new|entering|a student|graduating|in school)\b",
        r"\b(?:how|best way|best route|easiest way|fastest way|way|route)\b.{0,40}\b(?:enter|get into|get in to|get started in|start in|start out in|transition into|move into|switch into|pivot into|launch)\b",
        r"\b(?:entering|entry into|entry to|enter) (?:this|the|your) (?:field|industry|profession|career|line of work|sector)",
    )),
    Intent("job-search", "hiring-entry", (
        r"\bfind (?:a |an )?(?:jobs?|work|openings?|positions?|opportunities|roles?|employment)\b|\bjob (?:search\w*|hunt\w*|boards?|postings?|listings?|openings?|sites?|ads?)\b",
        r"\b(?:advertis\w*|posted|listed|announced|filled)\b.{0,15}\b(?:jobs|openings|positions|roles|vacancies)\b|\b(?:jobs|openings|positions|roles|vacancies)\b.{0,40}\b(?:advertis\w*|posted|listed|found|filled|announced)\b",
        r"\bsearch(?:ing)? for (?:jobs|openings|positions|work|roles)\b|\bland (?:a |an |their |your )?(?:jobs?|role|position)\b|\bhear about (?:jobs|openings|positions)\b|\bwhere .{0,15}look for (?:jobs|work|openings)\b",
        r"\bhidden job market\b|\bvacancies\b|\bjob applications?\b",
    )),
    Intent("networking", "resources-referrals", (
        r"\bnetwork(?:ing|s|ed)?\b",
    )),
    Intent("hiring", "hiring-entry", (
        r"\b(?:selected|screened|chosen|shortlisted|evaluated)\b.{0,30}\b(?:candidates?|applicants?)\b|\b(?:candidates?|applicants?)\b.{0,30}\b(?:selected|screened|chosen|shortlisted|evaluated)\b|\binterviews\b|\bhiring\b|\binterview (?:process|stages?|questions?|rounds?)|\bselection process\b|\bprepar\w* for (?:the |an |your |my |job )?interviews?\b|\brecruit\w*|\b(?:get|got|gets|are|be|is|being) hired\b",
        r"\bappl(?:y|ying|ies|ication|ications|icants?)\b|\binterview(?:s|ing)? (?:for|look like|like)\b|\bhire\b|\bhires\b|\bonboard\w*",
        rf"\bhow (?:does|do) (?:your|the|a|this) {_ORG}\b.{{0,10}}\b(?:hire|find|select|choose|fill)",
    )),
    # An early, narrow entry for culture: who fits in at a particular organisation is about the place, not traits.
    Intent("culture", "company-culture", (
        rf"\bfit in (?:well )?(?:at|here|there|with)\b|\b(?:kinds?|types?|sorts?) of (?:people|person)\b.{{0,30}}\b(?:at|in) (?:your|the|this) {_ORG}\b",
    )),
    Intent("traits", "skills-education", (
        r"\b(?:personal )?(?:qualities|traits?|characteristics|attributes|personality|temperament|mindset|attitudes?)\b",
        r"\b(?:kind|type|sort)s? of (?:a )?(?:person|people|personalit\w+|individual)",
        r"\bwho (?:does|do|tends? to|will|would)? ?(?:well|best|succeed\w*|thrive\w*)\b|\b(?:people|person|someone) (?:who )?(?:succeed|thrive|do well|does well|excel)",
    )),
    Intent("job-types", "career-path", (
        r"\b(?:kinds?|types?|sorts?|range|variety) of (?:jobs|positions|roles|careers|job titles|opportunities|employers|companies|organi[sz]ations|specialt\w+)\b",
        r"\b(?:major|main|biggest|largest|top|leading|key|best) (?:employers|companies|firms|players|organi[sz]ations)\b|\bwho (?:are the|hires|employs)\b.{0,30}\b(?:employers|graduates|people|in this)\b|\b(?:common|typical|main|usual) (?:jobs|roles|positions|job titles|employers) (?:in|for)\b|\bwhat (?:jobs|positions|roles|job titles|specialt\w+|career options) (?:are|exist|can)\b|\bspeciali[sz]\w*|\bniches?\b|\bsubfields?\b",
    )),
    Intent("skills", "skills-education", (
        r"\bskills?\b|\bskillset\b|\babilit\w+|\bcompetenc\w*|\bknow ?how\b|\btools?\b|\btechnolog\w*|\bsoftware\b|\bprogramming\b|\bcoding\b",
        r"\btechnical\b|\bproficien\w*|\bexpertise\b|\bstrengths?\b|\bknowledge\b|\btalents?\b|\bcapabilit\w*",
        r"\bwhat does it take\b|\b(?:to be|become|being) successful\b|\bwhat (?:should|do|must) i (?:learn|master|know how)\b|\b(?:need|have) to (?:know|be good at|master)\b|\bgood at\b",
    )),
    Intent("education", "skills-education", (
        r"\beducat\w*|\bdegrees?\b|\bmajors\b|\bmajor(?:ed|ing)\b|\bmajor\b(?= (?:in|should|would|do|does|did|is|was|matter|matters|to|for|or|and|i|you)\b| ?$)|\bgrades?\b|\bgpa\b|\btranscripts?\b|\bmasters?\b|\bphd\b|\bdoctorate\b|\bmba\b|\bgrad(?:uate)? school\b|\bcollege\b|\buniversit\w*",
        r"\bacademic\w*|\bcourses?\b|\bclasses\b|\bcoursework\b|\bcertif\w*|\blicen[sc]\w*|\bcredentials?\b|\bqualifications?\b|\bqualified\b",
        r"\bbootcamps?\b|\bdiplomas?\b|\bstudy\b|\bstudies\b|\bstudied\b|\bschool\w*|\btraining (?:required|needed|necessary|do i need|is needed)\b|\bwhat training\b|\bminor\b",
    )),
    Intent("advancement", "career-path", (
        r"\badvanc\w*|\bpromot\w*|\bmove up\b|\bmoving up\b|\bclimb\w*|\bladder\b|\bprogress\w*|\bupward\b|\bsenior\w*|\bmanagement track\b",
        r"\bcareer (?:growth|development|trajectory|path|paths|track|tracks|mobility)\b(?!.{0,10}\byou)|\bgrowth (?:opportunit\w*|potential|prospects)\b|\b(?:room|opportunit\w*|chances?) (?:for|to) (?:grow|growth|advance)",
        r"\bwhere (?:can|could|does|will|might) (?:this|the|a|your|that) (?:job|role|position|career|work)\b.{0,10}\blead\b|\blead to\b|\blong run\b|\bnext level\b",
    )),
    Intent("company-size", "company-culture", (
        r"\bstart ?ups?\b|\b(?:big|large|small|smaller|larger|bigger|established|huge|tiny) (?:company|companies|firm|firms|organi[sz]ations?|employer|employers|corporations?|corporate)\b|\bcorporate (?:or|vs|versus)\b|\b(?:company|firm) size\b",
    )),
    Intent("autonomy", "day-to-day", (
        r"\bindependence\b|\bautonom\w*|\bsupervis\w*|\bmicromanag\w*|\bfreedom\b|\b(?:own|your) decisions\b|\bwho (?:do you report|decides)\b",
    )),
    Intent("company-basics", "company-culture", (
        r"\bsize of (?:your|the|this) (?:company|organi[sz]ation|firm|team|department|office)\b|\bhow (?:big|large) is (?:your|the|this)\b",
        r"\bhow many (?:people|employees|staff|colleagues)\b|\bwhat does (?:your|the|this) (?:company|organi[sz]ation|firm|agency|team|department|business) (?:do|make|sell|offer)\b",
        r"\b(?:your|its|the company|the firm|the organi[sz]ation|our) (?:products?|services|clients|customers|main business)\b|\bproducts? (?:and|or) services\b|\borg(?:ani[sz]ational)? (?:chart|structure)\b|\bstructured\b|\bfit (?:into|in) (?:the|your) (?:organi[sz]ation|company|team|structure|bigger picture)\b",
    )),
    Intent("culture", "company-culture", (
        r"\bwomen\b|\bminorit\w*|\bunder ?represented\b|\bfit in (?:well )?(?:at|here|there|with)\b|\bcultur\w*|\benvironment\b|\batmosphere\b|\bvalues\b|\bmission\b|\bvibe\b|\bmorale\b|\bdress code\b|\bdivers\w*|\binclusi\w*|\bturnover\b",
        rf"\b(?:what is it|what is|how is it) like (?:to )?work(?:ing)? (?:at|for|in|with) (?:your|the|this|a|an) (?:company|organi[sz]ation|firm|team|employer|agency|office|place)|\blike (?:to )?work(?:ing)? (?:here|there|for you)\b",
        r"\bpeople (?:like|you work with)\b|\bco ?workers?\b|\bcolleagues\b|\bteam dynamics?\b|\bmanagement style\b|\b(?:your|the) (?:boss|bosses|manager|managers|leadership|senior leadership)\b(?! (?:role|position|track|job))|\bleadership style\b|\bhierarch\w*|\bformal\b|\bpolitics\b",
    )),
    Intent("collaboration", "day-to-day", (
        r"\bwho do you work (?:with|for|alongside)\b|\bwork (?:with|alongside) (?:others|other people|a team|clients|customers)\b|\bteam ?work\b|\bcollaborat\w*|\bindependent\w*|\b(?:alone|on your own|by yourself)\b",
        r"\binteract\w*|\bclients?\b|\bcustomers?\b|\bstakeholders?\b|\bteams?\b|\breport to\b",
    )),
    Intent("typical-day", "day-to-day", (
        r"\b(?:typical|average|normal|usual|regular|ordinary|standard|general|common|representative|sample)\b.{0,12}\b(?:day|days|week|weeks|workday|workdays|work day|work week|workweek|shift|month|morning)\b",
        r"\bday (?:to|by) day\b|\bdaily (?:routine|basis|tasks|activities|life|work|grind)\b|\broutine\b|\bday in the life\b|\ba day in\b",
        r"\b(?:all day|each day|every day|everyday|your day|your days|your week|your weeks|in a day|in a week)\b",
        r"\b(?:takes?|take up) (?:up )?(?:the )?most (?:of your )?time\b|\bwalk me through\b|\bspend (?:most of |the bulk of |much of )?your (?:time|day|days|week|hours)\b|\bhow do you spend\b|\bwhere does your time go\b",
        r"\b(?:divide|split|allocate|organi[sz]e|structure) your (?:time|day|days|week)\b|\b(?:monday|tuesday|wednesday|thursday|friday)\b",
        r"\bwhat (?:exactly |actually |really )?do you do (?:at|in|on|for|during|when|all|each|every|most)\b|\bwhat (?:exactly |actually |really )?do you do$",
    )),
    Intent("responsibilities", "day-to-day", (
        r"\bwhat (?:does|do) (?:an?|the) (?!company|firm|organi[sz]ation|business|department|team)\w+(?: \w+)? (?:actually |really |exactly )?do\b|\bwhat (?:exactly )?is an? \w+ (?:engineer|analyst|scientist|manager|consultant|actuary|statistician|developer|designer|researcher|officer|specialist|associate)s?$",
        r"\bresponsib\w*|\bduties\b|\bduty\b|\btasks?\b|\binvolve\w*|\bentail\w*|\bjob description\b|\bwhat (?:exactly |actually )?(?:is|does) your (?:job|role|position|title)\b",
        r"\bmain (?:function|focus|job|role|purpose|work)\b|\bin charge of\b|\bdecisions?\b|\bwhat (?:kind|type|sort) of work do you do\b|\bprojects? (?:do|are) you (?:work|working)",
    )),
    Intent("evaluation", "company-culture", (
        r"\b(?:success|performance|progress|results?)\b.{0,20}\b(?:measured|evaluated|judged|defined|assessed|reviewed|tracked)\b|\bmeasure (?:of )?success\b|\bdefine success\b|\bperformance reviews?\b|\bkpis?\b|\bmetrics?\b",
    )),
    Intent("impact", "day-to-day", (
        r"\bimpact\b|\b(?:make|makes|making|made) (?:a |any |the )?(?:real |big )?difference\b|\bdifference (?:you|your work|it) makes?\b|\bcontribut\w*|\bmatters? to (?:society|people|the world)\b|\bmeaning\b|\bpurpose\b",
    )),
)

# Words typed into questions that the grouping should read as the same word.
CONTRACTIONS: dict[str, str] = {
    "what's": "what is", "whats": "what is", "who's": "who is", "whos": "who is", "where's": "where is",
    "how's": "how is", "hows": "how is", "that's": "that is", "thats": "that is", "it's": "it is", "there's": "there is",
    "theres": "there is", "let's": "let us", "i'm": "i am", "im": "i am", "you're": "you are", "youre": "you are",
    "they're": "they are", "we're": "we are", "i've": "i have", "ive": "i have", "you've": "you have",
    "we've": "we have", "i'd": "i would", "you'd": "you would", "i'll": "i will", "you'll": "you will",
    "can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not", "wont": "will not",
    "don't": "do not", "dont": "do not", "doesn't": "does not", "doesnt": "does not", "didn't": "did not",
    "didnt": "did not", "isn't": "is not", "isnt": "is not", "aren't": "are not", "arent": "are not",
    "wasn't": "was not", "wasnt": "was not", "weren't": "were not", "haven't": "have not", "havent": "have not",
    "hasn't": "has not", "hadn't": "had not", "wouldn't": "would not", "wouldnt": "would not",
    "shouldn't": "should not", "shouldnt": "should not", "couldn't": "could not", "couldnt": "could not",
    "u": "you", "ur": "your", "r": "are", "ya": "you", "pls": "please", "plz": "please", "thx": "thanks",
    "w": "with", "wrt": "about", "abt": "about", "bc": "because", "b4": "before", "2day": "today", "yrs": "years",
    "yr": "year", "hrs": "hours", "hr": "hour", "wk": "week", "wks": "weeks", "info": "information",
    "grad": "graduate", "grads": "graduates", "uni": "university", "co": "company", "comp": "compensation",
    "org": "organization", "orgs": "organizations", "biz": "business", "ai": "ai", "wlb": "work life balance",
    "favorite": "favourite", "day-to-day": "day to day", "e.g": "", "eg": "", "etc": "",
}

# Frequent misspellings worth fixing explicitly (the fuzzy corrector handles single-edit slips).
TYPOS: dict[str, str] = {
    "carrer": "career", "carreer": "career", "creer": "career", "advise": "advice", "recomend": "recommend",
    "reccomend": "recommend", "reccommend": "recommend", "wich": "which", "becuase": "because", "definately": "definitely",
    "enviroment": "environment", "enviornment": "environment", "experiance": "experience", "sallary": "salary",
    "salery": "salary", "typicaly": "typically", "tipical": "typical", "typicle": "typical", "buisness": "business",
    "bussiness": "business", "recieve": "receive", "oppurtunities": "opportunities", "oportunities": "opportunities",
    "opportunites": "opportunities", "challanges": "challenges", "chalenges": "challenges", "skils": "skills",
    "skillz": "skills", "suprised": "surprised", "suprise": "surprise", "suprising": "surprising", "wat": "what",
    "wht": "what", "hw": "how", "teh": "the", "yuo": "you", "whta": "what", "jod": "job", "indusrty": "industry",
}

# Vocabulary the fuzzy corrector snaps single-edit slips to: the words the intents above depend on.
KEYWORDS: frozenset[str] = frozenset("""
typical average normal usual regular ordinary routine daily weekly workday schedule describe
favourite favorite least dislike enjoy rewarding satisfying frustrating frustrates downsides worst
career careers field industry profession occupation position positions company organization organisation
started start begin started background journey path trajectory
skills skill abilities competencies technical knowledge
education degree degrees masters graduate school college university certification certifications courses classes
advice advise recommend recommendations suggestions tips
trends future changing developments technology automation economy
culture environment atmosphere values colleagues coworkers management
hiring recruit recruiting interview interviews application applicants candidate candidates
entry level junior internship internships volunteer experience experiences
resources books websites journals publications podcasts newsletters blogs magazines reading
associations organizations societies conferences professional
salary salaries compensation benefits earn income bonus
balance lifestyle family burnout flexible remote hours overtime weekends
challenges challenging difficult obstacles stress pressure hardest
surprised surprise surprising unexpected expected
differently regret change wish known knew
advancement promotion promoted progression opportunities growth
qualities personality traits characteristics
resume cover letter portfolio
outlook demand competitive security stable
responsibilities duties tasks
mistakes avoid pitfalls lessons learned
travel relocate location
motivated inspired attracted interested
""".split())

STOPWORDS: frozenset[str] = frozenset("""
a an the and or but if of to in on at for from by with about as into onto over under than then so such
is are was were be been being am do does did doing done have has had having will would shall should can could may
might must i me my mine myself you your yours yourself we us our they them their he she him her it its this that
these those there here what which who whom whose when where why how whether any some all each every both either
not no nor very really just also too more most much many lot lots kind sort type way ways thing things
please thanks thank tell describe explain share talk say like get got go going one ones someone anyone
would could think feel know see make made let us bit little currently now today
""".split())

# Words that are not typos of a keyword even though they sit one edit away from one.
COMMON_WORDS: frozenset[str] = frozenset("""
still skill spill shill while whole where there their these those three thing think things world words
could would should ought maybe least enter worth worse worst entry center lease feast beast yeast breast best rest test west vest guest
fields yield yields wield shield field trend tread treat great greet start stare stars state
cause clause course source force horse house mouse louse hours ours yours cares carer cared
class glass grass brass asses bases cases causes bosses boss loss moss toss
learn learns yearn years ears earns early earn
lives liver lover loves leave leaves level levels lever never fever
roles rules poles holes moles while white write wrote quote quite quiet
ahead heads reads leads lead loads roads
advance advice device devise revise
""".split())
