"""One reader per container a report arrives in: plain text (any encoding), Word .docx, web pages, PDF.

`sniff` tells the container from the bytes; `ingestion.reading.read_report` dispatches; every reader renders
through `ingestion.layout`, so all containers give the same text layout.
"""
