"""Readers that turn PDFs, scanned pages, Word, OpenDocument, RTF and EPUB files into text with page geometry.

None of them imports Qt; the heavy libraries behind them (pypdfium2, rapidocr, python-docx, ebooklib, odfpy, striprtf)
are imported inside the functions that need them, so nothing here slows the window's start.
"""
