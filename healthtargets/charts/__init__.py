"""Charts of every page: the house theme, the chart record, image export and page bundles."""
