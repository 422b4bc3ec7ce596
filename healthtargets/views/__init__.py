"""One module per page's logic (overview, browse, compare, progress, sources), with its charts, and the page registry."""
