"""``python -m generator.bench``: see :mod:`generator.bench.run`."""

import sys

from .run import main

sys.exit(main())
