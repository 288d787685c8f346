"""Annotated Reader: compare historical sources side by side."""
