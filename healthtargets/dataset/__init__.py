"""The curated data set: its schema, loading and validation, units, regions and the tidy figures table.

Imports nothing of the project above it (an import contract checks it).
"""
