"""What every layer may use and which imports nothing above it: errors, safe text, numbers, date spans, RE2."""
