"""One run: plan, load, validate, findings, the comparison with a base; what a command may write."""
