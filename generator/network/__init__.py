"""The network map: the graph of who introduced and referred whom, its layout, and its data asset."""
