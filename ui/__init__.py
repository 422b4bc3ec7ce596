"""Shared Streamlit helpers of the dashboard: data loading, language, URL state, page header, charts.

The only place (with app.py and pages/) that imports streamlit; caching lives here.
"""
