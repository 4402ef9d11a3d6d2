"""Exports: the review memo (审核意见) as DOCX, Markdown or PDF, and the notes as tables."""
