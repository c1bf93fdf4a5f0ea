"""The Textual review app: draws a `Comparison` the core computed and lets an editor walk through it."""
