"""The contract between checking and reporting: Finding, Report, and what a report carries."""
