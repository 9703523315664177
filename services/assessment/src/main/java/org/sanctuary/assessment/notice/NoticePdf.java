package org.sanctuary.assessment.notice;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets a notice as an A4 PDF/A-1b document (Apache PDFBox): the text in Liberation Sans, embedded (Latin and Cyrillic),
 * the sRGB output intent and the XMP metadata PDF/A asks for, the document's language in its catalogue. Paragraphs are
 * wrapped to the page and run onto further pages.
 */
final class NoticePdf {

    /** A heading, a paragraph, or an item of a list. */
    record Block(Kind kind, String text) {
        enum Kind { TITLE, HEADING, PARAGRAPH, ITEM }
    }

    private static final float MARGIN = 56;
    private static final float SIZE = 11;
    private static final float LEADING = 15;
    private static final String REGULAR = "/liberation/LiberationSans-Regular.ttf";
    private static final String BOLD = "/liberation/LiberationSans-Bold.ttf";

    private NoticePdf() {
    }

    static byte[] render(String title, String languageTag, List<Block> blocks) {
        try (PDDocument document = new PDDocument()) {
            PDType0Font regular = font(document, REGULAR);
            PDType0Font bold = font(document, BOLD);
            Writer writer = new Writer(document);
            for (Block block : blocks) {
                switch (block.kind()) {
                    case TITLE -> writer.paragraph(block.text(), bold, 15, "", LEADING * 1.5f);
                    case HEADING -> writer.paragraph(block.text(), bold, 12.5f, "", LEADING * 0.6f);
                    case PARAGRAPH -> writer.paragraph(block.text(), regular, SIZE, "", LEADING * 0.5f);
                    case ITEM -> writer.paragraph(block.text(), regular, SIZE, "•  ", LEADING * 0.3f);
                }
            }
            writer.close();
            conformance(document, title, languageTag);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION); // PDF/A-1 allows no cross-reference streams
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = NoticePdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the classpath (openpdf-fonts-extra)");
            }
            return PDType0Font.load(document, in, false); // embedded whole: PDF/A-1 wants a subset's CIDSet otherwise
        }
    }

    /** PDF/A-1b: XMP metadata naming the part and conformance, the title, and the sRGB output intent. */
    private static void conformance(PDDocument document, String title, String languageTag) throws IOException {
        PDDocumentInformation information = document.getDocumentInformation();
        information.setTitle(title);
        information.setProducer("Sanctuary");
        document.getDocumentCatalog().setLanguage(languageTag);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dublinCore = xmp.createAndAddDublinCoreSchema();
        dublinCore.setTitle(title);
        xmp.createAndAddAdobePDFSchema().setProducer("Sanctuary");
        PDFAIdentificationSchema identification = xmp.createAndAddPDFAIdentificationSchema();
        identification.setPart(1);
        try {
            identification.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IOException(e);
        }
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException(e);
        }
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        document.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    /** Writes wrapped lines top to bottom, starting a new page when one is full. */
    private static final class Writer {

        private final PDDocument document;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void paragraph(String text, PDType0Font font, float size, String marker, float after) throws IOException {
            float indent = marker.isEmpty() ? 0 : font.getStringWidth(marker) / 1000 * size;
            List<String> lines = wrap(text, font, size, width - indent);
            for (int i = 0; i < lines.size(); i++) {
                if (y - size * 1.3f < MARGIN) {
                    newPage();
                }
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(MARGIN + (i == 0 ? 0 : indent), y);
                content.showText(i == 0 ? marker + lines.get(i) : lines.get(i));
                content.endText();
                y -= size * 1.35f;
            }
            y -= after;
        }

        private static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                        lines.add(line.toString());
                        line = new StringBuilder(word);
                    } else {
                        line = new StringBuilder(candidate);
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            content.close();
        }
    }
}
