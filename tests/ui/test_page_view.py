"""The page view: the page image beside the text, marks drawn on word boxes, rubber-band selection, a moved file."""

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from tests.core.pdf_samples import article_pdf, hand_pdf


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    return article_pdf(tmp_path_factory.mktemp("page_view") / "article.pdf")


def _open(window, qtbot, path, mode="both"):
    window.workspace.documents.import_paths([path])
    window.refresh_library()
    pane = window.reading_area.open_document(window.workspace.documents.resolve(path.name).id)
    pane.resize(1200, 800)
    pane.page_mode.set_mode(mode)
    if mode != "text":
        qtbot.waitUntil(lambda: pane.page_mode.panel is not None and pane.page_mode.panel.canvas.isVisible())
    return pane


def _box_of(pane, word, page_index=0):
    documents = pane.services.workspace.documents
    text = documents.text(pane.document_id).text
    return next(b for b in documents.boxes(pane.document_id, page_index) if text[b.start:b.end] == word)


def _centre(canvas, box) -> QPoint:
    return canvas.box_rect(box, canvas.page_rect()).center().toPoint()


def test_a_highlight_is_drawn_on_the_page_image(window, qtbot, article):
    """The highlighted word's box is tinted yellow on the page; a word beside it stays white paper and black ink."""
    pane = _open(window, qtbot, article)
    box = _box_of(pane, "treaty")
    pane.services.ops.run("Highlight", lambda: pane.services.workspace.annotations.create(
        pane.document_id, box.start, box.end, color="yellow"))
    canvas = pane.page_mode.panel.canvas
    qtbot.waitUntil(lambda: any(m.start == box.start for m in canvas.marks))
    image = canvas.grab().toImage()
    point = _centre(canvas, box)
    tinted = [QColor(image.pixel(point.x() + dx, point.y())) for dx in range(-6, 7)]
    assert any(c.red() > 200 and c.green() > 170 and c.blue() < c.red() - 70 for c in tinted)  # yellow, not white
    corner = canvas.page_rect().topLeft().toPoint() + QPoint(3, 3)
    assert QColor(image.pixel(corner)).lightness() > 240  # the page itself: white paper
    assert pane.page_mode.panel.page_label.text().startswith("Page 1 (1 of 4)")


def test_a_rubber_band_on_the_page_selects_the_text(window, qtbot, article):
    """Dragging over words on the page selects exactly those words in the text, ready to highlight or cite."""
    pane = _open(window, qtbot, article, mode="page")
    assert not pane.text_row.isVisible()
    box = _box_of(pane, "treaty")
    canvas = pane.page_mode.panel.canvas
    rect = canvas.box_rect(box, canvas.page_rect())
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=rect.topLeft().toPoint() + QPoint(1, 1))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=rect.bottomRight().toPoint() - QPoint(1, 1))
    assert pane.view.selection_range() == (box.start, box.end)
    assert pane.citation(box.start, box.end).endswith(", p. 1)")


def test_copy_with_citation_of_a_passage_over_a_page_break(window, qtbot, article):
    """Ctrl+Shift+C on a passage from the foot of page 2 onto page 3 cites "pp. 2–3" and quotes the words without
    the folio and running head between them; it had said "p. 2" and quoted "… 2 A HISTORY OF MONGOLIA …"."""
    from PySide6.QtGui import QGuiApplication

    pane = _open(window, qtbot, article, mode="text")
    start = pane.version.text.index("larger than any before them.")
    end = pane.version.text.index("Amar, who followed") + len("Amar, who followed")
    pane.view.select_range(start, end)
    pane.view.setFocus()
    pane.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == (
        "“larger than any before them. Amar, who followed” (Jane Roe, “The Purge of the Lamas”, pp. 2–3)")


def test_the_page_follows_the_reading_position(window, qtbot, article):
    """Scrolling the text to page three turns the page view to page three."""
    pane = _open(window, qtbot, article)
    pane.resize(1000, 260)
    third = pane.page_mode.pages[2]
    block = pane.view.document().findBlock(pane.view.offsets.to_utf16(third.start))
    qtbot.waitUntil(lambda: pane.view.verticalScrollBar().maximum() > block.firstLineNumber())
    pane.view.verticalScrollBar().setValue(block.firstLineNumber())
    qtbot.waitUntil(lambda: pane.page_mode.panel.index == 2)
    assert pane.page_mode.panel.page_label.text().startswith("Page 3 (3 of 4)")
    assert pane.page_mode.panel.page_label.toolTip() == pane.page_mode.panel.page_label.text()  # read whole where
    # three panes cut it to "Page 3" (audit DO 12)


def test_a_moved_source_file_is_said_in_one_line(window, qtbot, article, tmp_path):
    """When the file the pages came from is gone, the page view says so in one line; the text still reads."""
    moved = shutil.copy(article, tmp_path / "moved.pdf")
    pane = _open(window, qtbot, tmp_path / "moved.pdf")
    (tmp_path / "moved.pdf").unlink()
    pane.page_mode.panel.load(pane.page_mode.pages, str(moved))
    notice = pane.page_mode.panel.notice
    assert notice.isVisible() and "is no longer there" in notice.text() and "\n" not in notice.text()
    assert not pane.page_mode.panel.scroll.isVisible()  # no blank page under the line
    assert "international agreement" in pane.view.toPlainText()


def test_a_page_that_cannot_be_drawn_shows_no_blank_page_with_marks(window, qtbot, article, tmp_path):
    """The file gone while the page view is open: turning to a page not drawn yet leaves no white page with
    highlights floating over nothing; the pane goes back to the text by itself (it stayed in Page or Both, half of
    it a warning) and offers the text only, the buttons saying why."""
    shutil.copy(article, tmp_path / "gone.pdf")
    pane = _open(window, qtbot, tmp_path / "gone.pdf", mode="page")
    (tmp_path / "gone.pdf").unlink()
    panel = pane.page_mode.panel
    panel.show_page(3)
    qtbot.waitUntil(lambda: pane.page_mode.mode == "text")  # by itself: it had stayed in Page, half a warning
    assert "no longer there" in panel.notice.text()  # said first (waiting to see it shown raced the switch)
    assert pane.text_row.isVisible() and not panel.isVisible()
    for mode in ("page", "both"):
        button = pane.header.mode_buttons[mode]
        assert button.isVisibleTo(pane) and not button.isEnabled() and "no longer there" in button.toolTip()


def test_a_pdf_with_a_password_offers_its_text_only(window, qtbot, tmp_path):
    """Page and Both are not offered for an encrypted PDF (the password is not kept): their tooltip says why."""
    secret = hand_pdf(tmp_path / "secret.pdf", ["Secret minutes of 1937", "The second page"], password="genden")
    window.workspace.documents.import_paths([secret], password="genden")
    pane = window.reading_area.open_document(window.workspace.documents.resolve("secret.pdf").id)
    page = pane.header.mode_buttons["page"]
    assert page.isVisibleTo(pane) and not page.isEnabled() and not pane.header.mode_buttons["both"].isEnabled()
    assert "password" in page.toolTip() and "text only" in page.toolTip() and "PDFium" not in page.toolTip()
    pane.page_mode.set_mode("page")
    assert pane.page_mode.mode == "text" and pane.page_mode.panel is None


def test_importing_a_moved_file_shows_its_pages_again(window, qtbot, article, tmp_path):
    """File > Import of the moved file tells the program where it went: the status bar says so and Page returns."""
    shutil.copy(article, tmp_path / "tidied.pdf")
    pane = _open(window, qtbot, tmp_path / "tidied.pdf", mode="text")
    moved = tmp_path / "folder" / "tidied.pdf"
    moved.parent.mkdir()
    shutil.move(tmp_path / "tidied.pdf", moved)
    pane.refresh()  # any change shown: the file gone is seen, not only a new place for it
    assert not pane.header.mode_buttons["page"].isEnabled()
    shown = []  # every status message: recognition's progress may replace the import's line at any moment
    window.statusBar().messageChanged.connect(shown.append)
    window.import_paths([moved])
    qtbot.waitUntil(lambda: pane.header.mode_buttons["page"].isEnabled(), timeout=20000)
    qtbot.waitUntil(lambda: any(f"its page images now come from {moved.resolve()}" in message for message in shown))
    # the import's line comes once its report is read, which may be after the pane has caught up
    pane.page_mode.set_mode("page")
    qtbot.waitUntil(lambda: pane.page_mode.panel.canvas.image is not None)
    assert not pane.page_mode.panel.notice.isVisible()


def test_text_documents_offer_no_page_view(window):
    """A text file has no pages: the Text | Page | Both buttons stay hidden and asking for Page keeps the text."""
    pane = window.reading_area.open_document(window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id)
    assert not pane.header.mode_buttons["page"].isVisibleTo(pane)
    pane.page_mode.set_mode("page")
    assert pane.page_mode.mode == "text" and pane.page_mode.panel is None


def test_uncertain_ocr_words_are_dotted_in_the_text(window, qtbot, tmp_path):
    """An OCR word below the confidence threshold is underlined dotted, and its tooltip says to check the image."""
    from PySide6.QtGui import QTextCharFormat

    from tests.core.test_text_correction import OCR, _scanned

    document_id = _scanned(window.workspace, tmp_path)
    pane = window.reading_area.open_document(document_id)
    start = OCR.index("Stalln")
    span = next(s for s in pane.spans if s.kind == "uncertain")
    assert (span.start, span.end) == (start, start + 6)
    block = pane.view.document().findBlock(pane.view.offsets.to_utf16(start))
    qtbot.waitUntil(lambda: bool(block.layout().formats()))
    styles = [QTextCharFormat(r.format).underlineStyle() for r in block.layout().formats()
              if r.start <= start - block.position() < r.start + r.length]
    assert QTextCharFormat.UnderlineStyle.DotLine in styles
    assert "check it against the page image" in pane._describe(span)


def test_turning_the_page_brings_the_text_along(window, qtbot, article):
    """The ▶ arrow shows page two and scrolls the text there; the text does not turn the page back."""
    pane = _open(window, qtbot, article)
    pane.resize(1000, 260)
    qtbot.waitUntil(lambda: pane.view.verticalScrollBar().maximum() > 0)
    panel = pane.page_mode.panel
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.index == 1 and pane.view.verticalScrollBar().value() > 0
    second = pane.page_mode.pages[1]
    top = pane.view.offsets.to_code_point(pane.view.cursorForPosition(QPoint(4, 4)).position())
    assert pane.page_mode.pages[0].start <= top <= second.end and panel.index == 1


def test_the_pane_shows_the_page_again_after_a_restart(window, qtbot, article):
    """What a pane shows (Both) and the page's zoom are kept in the session and restored with it."""
    pane = _open(window, qtbot, article)
    pane.page_mode.panel.zoom_box.setCurrentText("200%")
    state = window.reading_area.session_state()
    assert state["panes"][-1]["shows"] == "both"
    window.reading_area.close_pane(pane)
    window.reading_area.restore_session(state)
    reopened = window.reading_area.pane_for(pane.document_id)
    assert reopened.page_mode.mode == "both" and reopened.page_mode.panel.isVisibleTo(reopened)
    assert reopened.page_mode.panel.zoom_box.currentText() == "200%"


def test_clicking_a_highlight_on_the_page_selects_its_note(window, qtbot, article):
    """A click on a highlighted word of the page selects that annotation in the sidebar, as a click in the text does."""
    pane = _open(window, qtbot, article)
    box = _box_of(pane, "treaty")
    annotation = pane.services.ops.run("Note", lambda: pane.services.workspace.annotations.create(
        pane.document_id, box.start, box.end, note="Which treaty?"))
    canvas = pane.page_mode.panel.canvas
    qtbot.waitUntil(lambda: any(m.start == box.start for m in canvas.marks))
    with qtbot.waitSignal(pane.annotation_selected, timeout=3000) as chosen:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=_centre(canvas, box))
    assert chosen.args == [annotation.id]


def test_the_view_menu_switches_the_active_pane(window, qtbot, article):
    """View > Pane shows > Page image shows the page alone in the active pane, Text brings the text back."""
    pane = _open(window, qtbot, article, mode="text")
    menu = next(a.menu() for a in window.view_menu.actions() if a.menu() and "Pane shows" in a.text())
    actions = {a.text().replace("&", ""): a for a in menu.actions()}
    actions["Page image"].trigger()
    assert pane.page_mode.mode == "page" and not pane.text_row.isVisibleTo(pane)
    actions["Text"].trigger()
    assert pane.page_mode.mode == "text" and not pane.page_mode.panel.isVisibleTo(pane) and pane.text_row.isVisible()


def test_the_next_page_is_rendered_ahead(window, qtbot, article):
    """While page one is shown, page two is rendered into the cache, so turning the page draws at once."""
    pane = _open(window, qtbot, article)
    panel = pane.page_mode.panel
    qtbot.waitUntil(lambda: any(index == 1 for index, _width in panel.renderer._cache))


def test_the_page_zooms_to_the_width_and_beyond_and_scrolls(window, qtbot, article):
    """A scan's small print: 'Fit width' makes the page as wide as the pane and '200%' twice that, drawn sharper and
    scrolled; the highlight stays on its word, and the next page starts at its top."""
    pane = _open(window, qtbot, article)
    panel, canvas = pane.page_mode.panel, pane.page_mode.panel.canvas
    box = _box_of(pane, "treaty")
    pane.services.ops.run("Highlight", lambda: pane.services.workspace.annotations.create(
        pane.document_id, box.start, box.end, color="yellow"))
    fitted = canvas.render_width(canvas.page)
    panel.zoom_box.setCurrentText("Fit width")
    viewport = panel.scroll.viewport()
    qtbot.waitUntil(lambda: abs(canvas.width() - viewport.width()) <= 1)
    panel.zoom_box.setCurrentText("200%")
    qtbot.waitUntil(lambda: abs(canvas.width() - 2 * viewport.width()) <= 1)
    page = canvas.page
    assert canvas.height() == round(canvas.width() * page.height / page.width) > viewport.height()
    assert canvas.render_width(page) > fitted
    qtbot.waitUntil(lambda: any(m.start == box.start for m in canvas.marks))
    assert canvas.page_rect().contains(canvas.box_rect(box, canvas.page_rect()))
    panel.scroll.verticalScrollBar().setValue(panel.scroll.verticalScrollBar().maximum())
    qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.index == 1)
    assert panel.scroll.verticalScrollBar().value() == 0


def test_ctrl_wheel_over_the_page_zooms_in_and_out(window, qtbot, article):
    """Ctrl and the wheel over the page step the zoom, as in a PDF reader; the wheel alone still scrolls."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pane = _open(window, qtbot, article)
    panel = pane.page_mode.panel

    def wheel(delta: int) -> None:
        viewport = panel.scroll.viewport()
        centre = QPointF(viewport.width() / 2, viewport.height() / 2)
        QApplication.sendEvent(viewport, QWheelEvent(
            centre, viewport.mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False))

    assert panel.zoom_box.currentText() == "Fit page"
    wheel(120)
    wheel(120)
    assert panel.zoom_box.currentText() == "150%"
    wheel(-120)
    assert panel.zoom_box.currentText() == "Fit width"


def test_a_rubber_band_over_half_a_hyphenated_word_selects_the_whole_word(window, qtbot, article):
    """'inter-' ends a line on the page and 'national' begins the next; the text joined them, so a band over the
    first line had selected 'inter' alone, and H would have stored half a word as the quote."""
    pane = _open(window, qtbot, article, mode="page")
    text = pane.services.workspace.documents.text(pane.document_id).text
    first = _box_of(pane, "The")
    canvas = pane.page_mode.panel.canvas
    inter = next(b for b in pane.services.workspace.documents.boxes(pane.document_id, 0)
                 if text[b.start:b.end].startswith("inter") and text[b.end:b.end + 1].isalpha())
    start_rect, end_rect = (canvas.box_rect(b, canvas.page_rect()) for b in (first, inter))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start_rect.topLeft().toPoint() + QPoint(1, 1))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end_rect.bottomRight().toPoint() - QPoint(1, 1))
    start, end = pane.view.selection_range()
    assert text[start:end].endswith("international")


def test_both_never_squeezes_the_text_out_of_reading(window, qtbot, article):
    """In Both, the text beside the page was squeezed to about 90 pixels (words broken) or collapsed to nothing as
    panes opened beside it or the page was zoomed: it keeps at least twenty characters a line."""
    pane = _open(window, qtbot, article)
    pane.page_mode.set_zoom("300%")
    pane.splitter.setSizes([5000, 0, 0])  # the page takes all it can, as a drag of the handle would
    least = pane.view.fontMetrics().averageCharWidth() * 20
    qtbot.waitUntil(lambda: pane.text_row.width() >= least)
    assert pane.page_mode.panel.width() > 0


def test_a_highlight_before_a_full_stop_covers_the_whole_last_letter(window, qtbot, article):
    """A word's box holds the full stop after it, and a highlight of the word alone was cut from the box by its
    share of characters, as if a stop were as wide as a letter: the last letter was left half out."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pane = _open(window, qtbot, article)
    text = pane.services.workspace.documents.text(pane.document_id).text
    box = next(b for b in pane.services.workspace.documents.boxes(pane.document_id, 0)
               if text[b.end - 1] in ".," and text[b.start:b.end - 1].isalpha() and b.end - b.start > 4)
    word = text[box.start:box.end]
    canvas = pane.page_mode.panel.canvas
    target = canvas.page_rect()
    [drawn] = canvas.line_rects(box.start, box.end - 1, target)
    document = pdfium.PdfDocument(str(article))
    textpage = document[0].get_textpage()
    last = textpage.get_text_range().index(word) + len(word) - 2  # the word's last letter
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    raw.FPDFText_GetCharBox(textpage.raw, last, left, right, bottom, top)
    scale = target.width() / canvas.page.width
    letter_left, letter_right = target.left() + left.value * scale, target.left() + right.value * scale
    textpage.close()
    document.close()
    assert drawn.right() >= letter_right - 0.2 * (letter_right - letter_left), word


def test_tab_goes_through_the_page_before_the_text_as_laid_out(window, qtbot, article):
    """In Both, Tab reached the page's controls after the text, right to left, and the order was not made again when
    the page was first shown (audit DE 5): the header, the page's controls as they stand, the page, then the text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    pane = _open(window, qtbot, article, mode="both")
    panel = pane.page_mode.panel
    window.activateWindow()
    pane.header.pane_buttons["✕"].setFocus()
    qtbot.waitUntil(pane.header.pane_buttons["✕"].hasFocus)
    reached = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    enabled = [w for w in (panel.previous_button, panel.zoom_box, panel.next_button) if w.isEnabled()]
    assert reached[:len(enabled)] == enabled
    assert pane.view in reached


@pytest.mark.parametrize("mode", ["both", "page"])
def test_a_passage_opened_turns_the_page_to_the_page_that_holds_it(window, qtbot, article, mode):
    """A note or a search hit opened turned the page image to the page before the passage's, the first line in view
    once the passage was centred (audit DO 2): in Page mode the page shown did not hold it at all."""
    pane = _open(window, qtbot, article, mode)
    pane.resize(1000, 300)
    third = pane.page_mode.pages[2]
    start = third.start + (third.end - third.start) // 2
    pane.show_passage(start, start + 5)
    qtbot.waitUntil(lambda: pane.page_mode.panel.index == 2)


def test_reading_on_to_the_end_shows_the_last_page(window, qtbot, article):
    """Scrolled to the end, the page image stayed on a page before the last, the first line in view: the last pages
    began inside the last screenful and were never reached (audit DO 6); a click on a page's text turns to it."""
    pane = _open(window, qtbot, article)
    pane.resize(1000, 420)
    bar = pane.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    pane.view.setFocus()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: pane.page_mode.panel.index == len(pane.page_mode.pages) - 1)
    bar.setValue(0)
    qtbot.waitUntil(lambda: pane.page_mode.panel.index == 0)


def test_a_place_only_proposed_is_marked_as_doubtful_on_the_page_too(window, qtbot, article):
    """A note waiting in Needs review has a wavy red underline in the text, and on the page image was a plain
    highlight, as sure as any (audit DO 9): the page marks it as doubtful too, and a doubtful name likewise."""
    from reader.core.records.documents import Span
    from reader.core.records.pages import PageInfo
    from reader.ui.reading.formats import page_color
    from reader.ui.reading.page_panel import page_marks

    page = PageInfo(0, "1", 0, 100, 600, 800)
    spans = [Span(0, 5, "note", "yellow", 1), Span(10, 15, "note", "yellow", 2, doubtful=True),
             Span(20, 25, "mention", "PERSON", 3, doubtful=True)]
    marks = page_marks(spans, page_color, page)
    assert [mark.doubtful for mark in marks] == [False, True, True]
    pane = _open(window, qtbot, article)
    pane.page_mode.panel.set_marks(marks)
    pane.page_mode.panel.canvas.grab()  # drawn without a fault


def test_the_keys_turn_and_zoom_the_page_where_it_is_read(window, qtbot, article):
    """In Page mode no key turned or zoomed the page: PageDown, Space and the arrows did nothing, and Ctrl++ enlarged
    the hidden text (audit DO 4). On the page, PageDown and Space turn on (at the page's foot when zoomed), PageUp
    back, Right and Left too at a fitted page, Ctrl+Home and Ctrl+End to the first and last; Ctrl++, Ctrl+- and
    Ctrl+0 zoom the page where the page alone is shown."""
    pane = _open(window, qtbot, article, "page")
    panel = pane.page_mode.panel
    font = pane.view.font().pointSizeF()
    panel.scroll.setFocus()
    for key, index in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Space, 2), (Qt.Key.Key_PageUp, 1),
                       (Qt.Key.Key_Right, 2), (Qt.Key.Key_Left, 1)):
        qtbot.keyClick(panel.scroll, key)
        assert panel.index == index, key
    qtbot.keyClick(panel.scroll, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert panel.index == len(panel.pages) - 1
    qtbot.keyClick(panel.scroll, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert panel.index == 0
    pane.zoom_in_action.trigger()
    assert panel.zoom_box.currentText() != "Fit page" and pane.view.font().pointSizeF() == font
    pane.zoom_reset_action.trigger()
    assert panel.zoom_box.currentText() == "Fit page"


def test_the_view_menu_offers_only_what_the_active_pane_can_show_and_checks_what_it_shows(window, qtbot, article):
    """View > Pane shows was always enabled and never checked: for a text without pages, a password PDF or a moved
    file, Page image and Both did nothing and said nothing (audit DO 11)."""
    menu = next(a.menu() for a in window.view_menu.actions() if a.menu() and "Pane shows" in a.text())

    def offered() -> dict[str, tuple[bool, bool]]:
        menu.aboutToShow.emit()
        return {a.text().replace("&", ""): (a.isEnabled(), a.isChecked()) for a in menu.actions()}

    pane = _open(window, qtbot, article, mode="both")
    assert offered() == {"Text": (True, False), "Page image": (True, False), "Both": (True, True)}
    window.reading_area.open_document(window.workspace.documents.resolve("000_8339fa2bec93c400.txt").id)
    assert offered() == {"Text": (True, True), "Page image": (False, False), "Both": (False, False)}
    assert pane.page_mode.mode == "both"


def test_a_zoomed_page_is_scrolled_to_the_words_read(window, qtbot, article):
    """With the page zoomed, a passage opened low on it stayed below the viewport: the page followed the reading
    position but not the place on it (audit DO 10)."""
    pane = _open(window, qtbot, article, "both")
    panel = pane.page_mode.panel
    panel.zoom_box.setCurrentText("200%")
    second = pane.page_mode.pages[1]
    panel.show_page(1)
    low = max(panel.canvas.boxes_in(second.start, second.end), key=lambda box: box.y0)  # the page's lowest word
    panel.show_page(0)
    pane.show_passage(low.start, low.end)
    qtbot.waitUntil(lambda: panel.index == 1)
    bar = panel.scroll.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.waitUntil(lambda: bar.value() > 0)
    place = panel.canvas.box_rect(low, panel.canvas.page_rect())
    assert bar.value() <= place.top() <= bar.value() + panel.scroll.viewport().height()


def test_a_band_over_two_columns_selects_the_words_of_the_one_it_began_in(window, qtbot, article):
    """A band over the top line of both columns selected every word between them in reading order, the whole left
    column the band never touched, and H highlighted it all (audit DO 7): the words under the band in the column it
    began in are selected, and the status line says why."""
    pane = _open(window, qtbot, article, mode="page")
    panel = pane.page_mode.panel
    panel.show_page(1)
    canvas = panel.canvas
    boxes = pane.services.workspace.documents.boxes(pane.document_id, 1)
    body = [box for box in boxes if box.y0 > 90]
    top = min(box.y0 for box in body)
    first_line = sorted((box for box in body if abs(box.y0 - top) < 2), key=lambda box: box.x0)
    left = [box for box in first_line if box.x0 < 300]
    band_start = canvas.box_rect(first_line[0], canvas.page_rect()).topLeft().toPoint() + QPoint(1, 1)
    band_end = canvas.box_rect(first_line[-1], canvas.page_rect()).bottomRight().toPoint() - QPoint(1, 1)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=band_start)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=band_end)
    assert pane.view.selection_range() == (left[0].start, left[-1].end)
    assert "column" in window.statusBar().currentMessage()


def test_a_band_over_the_middle_of_two_lines_selects_from_its_first_word_to_its_last(window, qtbot, article):
    """Within one column a band over words of two lines selects them in reading order, as before, saying nothing."""
    pane = _open(window, qtbot, article, mode="page")
    canvas = pane.page_mode.panel.canvas
    one, two = _box_of(pane, "treaty"), _box_of(pane, "agreement")
    told = []
    window.statusBar().messageChanged.connect(told.append)
    start = canvas.box_rect(one, canvas.page_rect()).topLeft().toPoint() + QPoint(1, 1)
    end = canvas.box_rect(two, canvas.page_rect()).bottomRight().toPoint() - QPoint(1, 1)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    selected = pane.view.selection_range()
    assert selected[0] <= one.start and selected[1] >= two.end and not any("column" in m for m in told)


def test_the_page_takes_the_keys_when_it_is_shown_alone_and_pageup_shows_the_page_before_at_its_foot(
        window, qtbot, article):
    """Switching to Page image left the keys on the legend's first box, where Space hid every person's mark (audit DP
    F3); and PageUp on a zoomed page turned to the previous page's top, skipping most of it (DP F4)."""
    pane = _open(window, qtbot, article, mode="text")
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    pane.page_mode.set_mode("page")
    panel = pane.page_mode.panel
    qtbot.waitUntil(panel.scroll.hasFocus)
    panel.zoom_box.setCurrentText("200%")
    panel.show_page(2)
    bar = panel.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(0)
    qtbot.keyClick(panel.scroll, Qt.Key.Key_PageUp)
    assert panel.index == 1 and bar.value() == bar.maximum()
    pane.page_mode.set_mode("text")
    qtbot.waitUntil(pane.view.hasFocus)


def test_a_closed_pane_lets_go_of_its_pdf(window, qtbot, tmp_path, article):
    """A pane closed kept its PDF open until Python collected it, the file held (it cannot be unmounted or, elsewhere,
    moved): closing the pane closes the file."""
    import gc
    import os

    copy = tmp_path / "held.pdf"
    shutil.copy(article, copy)
    pane = _open(window, qtbot, copy, mode="page")
    qtbot.waitUntil(lambda: pane.page_mode.panel.canvas.image is not None)

    def open_here() -> bool:
        return any(os.path.realpath(f"/proc/self/fd/{fd}") == str(copy.resolve()) for fd in os.listdir("/proc/self/fd")
                   if os.path.exists(f"/proc/self/fd/{fd}"))

    assert open_here()
    gc.disable()  # as a reference cycle would keep it, unseen, until Python collected it
    try:
        window.reading_area.close_pane(pane)
        assert not open_here()
    finally:
        gc.enable()


def test_a_pdf_back_where_it_was_is_seen_and_shown_as_chosen(window, qtbot, tmp_path, article):
    """A PDF away when the window opened (a drive not mounted yet) and back since was still said to be gone, Page
    and Both withheld, and the choice of Both was lost from the session for good (audit DT F5): asking what the
    pane can show looks again, and the pane shows the page as it was chosen to."""
    copy = tmp_path / "away.pdf"
    shutil.copy(article, copy)
    pane = _open(window, qtbot, copy, mode="both")
    copy.rename(tmp_path / "elsewhere.pdf")
    pane.refresh()  # the file gone is seen
    assert pane.page_mode.mode == "text" and window.reading_area.view_modes()["both"][0]
    assert window.reading_area.session_state()["panes"][0]["shows"] == "both"  # the choice is kept meanwhile
    (tmp_path / "elsewhere.pdf").rename(copy)
    assert window.reading_area.view_modes()["both"] == ("", True)
    assert pane.page_mode.mode == "both" and pane.page_mode.panel.isVisible()


def test_another_pdf_at_the_path_and_the_right_one_back_are_each_seen(window, qtbot, tmp_path, article):
    """Asked what the pane can show, it looked only whether a file stood at the path: another PDF put there was drawn
    under this version's marks, and the right one put back stayed withheld as changed (audit DU F1)."""
    copy = tmp_path / "kept.pdf"
    shutil.copy(article, copy)
    pane = _open(window, qtbot, copy, mode="both")
    shutil.move(copy, tmp_path / "right.pdf")
    hand_pdf(copy, ["Another edition altogether."])
    assert window.reading_area.view_modes()["both"][0] and pane.page_mode.mode == "text"
    shutil.move(tmp_path / "right.pdf", copy)
    assert window.reading_area.view_modes()["both"] == ("", True) and pane.page_mode.mode == "both"
