"""Renderings of report objects: text, JSON and JUnit XML for check reports, JSON for translation runs."""
