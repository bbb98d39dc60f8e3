"""The dataset format as pydantic models, the claims of a run, the catalog's vocabulary, the project layout."""
