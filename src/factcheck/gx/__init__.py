"""Great Expectations: the engine, the frame it validates, the adapters of the checks. The only GX importers."""
