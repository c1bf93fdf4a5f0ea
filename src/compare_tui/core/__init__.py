"""The UI-free core: loading, segmentation, alignment, analysis and reports. Imports neither textual nor rich."""
