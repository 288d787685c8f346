"""Annotations: highlights and notes on passages, anchored by position and quote."""
