"""Reading YAML files: located data, limits, plain numbers only, and schema errors written for people."""
