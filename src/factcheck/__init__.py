"""factcheck: a fact-consistency gate for curated datasets of claimed figures."""

__version__ = "0.1.0"
