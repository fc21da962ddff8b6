package dev.s2v.raster;

import dev.s2v.raster.ProductMetadata.TileGeocoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Parses {@code MTD_MSIL1C.xml} and {@code MTD_TL.xml}. Elements are looked up by local name: in
 * the real files only the root and the four top sections are namespace-qualified.
 */
final class MetadataXml {
    private static final Pattern BAND_FILE = Pattern.compile("_(B\\d\\d|B8A)$");

    private MetadataXml() {}

    /** Parses the product metadata; {@code tile} is added by the caller. */
    static ProductMetadata parseProduct(
            InputStream in, Path displayPath, Optional<TileGeocoding> tile)
            throws RasterFormatException {
        Document doc = parse(in, displayPath);
        Element root = doc.getDocumentElement();
        if (!root.getLocalName().startsWith("Level-1C_User_Product")) {
            if (root.getLocalName().startsWith("Level-2A")) {
                throw new RasterFormatException(
                        displayPath,
                        "a Level-2A product; s2v reads Level-1C products (or GeoTIFF band stacks)");
            }
            throw new RasterFormatException(
                    displayPath,
                    "root element " + root.getNodeName() + " is not Level-1C_User_Product");
        }
        String uri = required(doc, "PRODUCT_URI", displayPath);
        String productId = uri.endsWith(".SAFE") ? uri.substring(0, uri.length() - 5) : uri;
        String productType = required(doc, "PRODUCT_TYPE", displayPath);
        if (!productType.equals("S2MSI1C")) {
            throw new RasterFormatException(
                    displayPath,
                    "PRODUCT_TYPE is " + productType + "; s2v reads S2MSI1C (Level-1C)");
        }
        Instant sensing = instant(required(doc, "PRODUCT_START_TIME", displayPath), displayPath);
        double quantification =
                number(
                        required(doc, "QUANTIFICATION_VALUE", displayPath),
                        "QUANTIFICATION_VALUE",
                        displayPath);
        if (!(quantification > 0)) {
            throw new RasterFormatException(
                    displayPath, "QUANTIFICATION_VALUE must be positive, got " + quantification);
        }

        Map<SpectralBand, Double> offsets = new EnumMap<>(SpectralBand.class);
        for (SpectralBand band : SpectralBand.values()) {
            offsets.put(band, 0.0);
        }
        NodeList offsetNodes = doc.getElementsByTagNameNS("*", "RADIO_ADD_OFFSET");
        for (int i = 0; i < offsetNodes.getLength(); i++) {
            Element e = (Element) offsetNodes.item(i);
            int bandId =
                    (int)
                            number(
                                    e.getAttribute("band_id"),
                                    "RADIO_ADD_OFFSET@band_id",
                                    displayPath);
            offsets.put(
                    SpectralBand.ofBandId(bandId),
                    number(e.getTextContent(), "RADIO_ADD_OFFSET", displayPath));
        }

        Map<SpectralBand, String> files = new EnumMap<>(SpectralBand.class);
        NodeList imageFiles = doc.getElementsByTagNameNS("*", "IMAGE_FILE");
        for (int i = 0; i < imageFiles.getLength(); i++) {
            String file = imageFiles.item(i).getTextContent().trim();
            Matcher m = BAND_FILE.matcher(file);
            if (m.find()) {
                files.put(SpectralBand.parse(m.group(1)), file + ".jp2");
            }
        }
        if (files.isEmpty()) {
            throw new RasterFormatException(
                    displayPath, "lists no band files (IMAGE_FILE ..._B02 etc.)");
        }

        Element granule = first(doc, "Granule");
        String cloud = text(doc, "Cloud_Coverage_Assessment");
        return new ProductMetadata(
                productId,
                productType,
                text(doc, "SPACECRAFT_NAME"),
                sensing,
                required(doc, "PROCESSING_BASELINE", displayPath),
                quantification,
                offsets,
                offsetNodes.getLength() > 0,
                files,
                granule == null ? "" : granule.getAttribute("granuleIdentifier"),
                granule == null ? "" : granule.getAttribute("datastripIdentifier"),
                cloud.isEmpty()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(
                                number(cloud, "Cloud_Coverage_Assessment", displayPath)),
                tile);
    }

    /** Parses the tile geocoding of a granule's {@code MTD_TL.xml}. */
    static TileGeocoding parseTile(InputStream in, Path displayPath) throws RasterFormatException {
        Document doc = parse(in, displayPath);
        String code = required(doc, "HORIZONTAL_CS_CODE", displayPath);
        if (!code.startsWith("EPSG:")) {
            throw new RasterFormatException(
                    displayPath, "HORIZONTAL_CS_CODE " + code + " is not EPSG:n");
        }
        Element position = resolutionElement(doc, "Geoposition", displayPath);
        Element size = resolutionElement(doc, "Size", displayPath);
        return new TileGeocoding(
                required(doc, "TILE_ID", displayPath),
                (int) number(code.substring(5), "HORIZONTAL_CS_CODE", displayPath),
                text(doc, "HORIZONTAL_CS_NAME"),
                number(childText(position, "ULX"), "ULX", displayPath),
                number(childText(position, "ULY"), "ULY", displayPath),
                (int) number(childText(size, "NCOLS"), "NCOLS", displayPath),
                (int) number(childText(size, "NROWS"), "NROWS", displayPath));
    }

    private static Element resolutionElement(Document doc, String name, Path displayPath)
            throws RasterFormatException {
        NodeList nodes = doc.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ("10".equals(e.getAttribute("resolution"))) {
                return e;
            }
        }
        throw new RasterFormatException(displayPath, "has no " + name + " for resolution 10");
    }

    private static Document parse(InputStream in, Path displayPath) throws RasterFormatException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Metadata is data from outside: no DTDs, no external entities.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXException | IOException e) {
            throw new RasterFormatException(displayPath, "not readable XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    private static Element first(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Document doc, String localName) {
        Element e = first(doc, localName);
        return e == null ? "" : e.getTextContent().trim();
    }

    private static String childText(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }

    private static String required(Document doc, String localName, Path displayPath)
            throws RasterFormatException {
        String value = text(doc, localName);
        if (value.isEmpty()) {
            throw new RasterFormatException(displayPath, "has no " + localName);
        }
        return value;
    }

    private static double number(String text, String what, Path displayPath)
            throws RasterFormatException {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new RasterFormatException(displayPath, what + " is not a number: '" + text + "'");
        }
    }

    private static Instant instant(String text, Path displayPath) throws RasterFormatException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RasterFormatException(
                    displayPath, "PRODUCT_START_TIME is not a UTC time: '" + text + "'");
        }
    }
}
