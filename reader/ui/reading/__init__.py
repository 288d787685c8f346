"""The reading view: documents side by side, painted lazily from the core's ranges."""
