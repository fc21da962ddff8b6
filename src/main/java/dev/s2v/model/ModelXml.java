package dev.s2v.model;

import dev.s2v.config.Normalization;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * {@code model.xml}: the original notebook's {@code training_parameters} XML (bands, tile_size,
 * max_values, filters, dropout, batch_norm, loss, threshold) extended with everything else a {@link
 * ModelDescriptor} holds. Example:
 *
 * <pre>{@code
 * <training_parameters format_version="1">
 *   <s2v_version>0.1.0</s2v_version>
 *   <experiment>quickstart</experiment>
 *   <created>2026-11-25T10:15:30Z</created>
 *   <bands><band>B02</band><band>B03</band>...</bands>
 *   <tile_size>64</tile_size>
 *   <input_scale reflectance="true" formula="(DN + RADIO_ADD_OFFSET) / QUANTIFICATION_VALUE"
 *       level="L1C"/>
 *   <normalization kind="max">
 *     <max_values><value band="B02">0.31</value>...</max_values>
 *   </normalization>
 *   <architecture name="unet" filters="16" depth="4" dropout="0.25" batch_norm="true"
 *       decoder="transposed" parameter_count="2165169"/>
 *   <loss name="dice"><param name="smooth" value="1.0"/></loss>
 *   <threshold>0.5</threshold>
 *   <training_dataset name="synthetic-demo" path="datasets/synthetic-demo"/>
 * </training_parameters>
 * }</pre>
 *
 * A {@code standard} normalisation has {@code mean_values} and {@code std_values} instead of {@code
 * max_values}.
 */
final class ModelXml {
    static final String FORMAT_VERSION = "1";
    private static final String ROOT = "training_parameters";
    private static final String REFLECTANCE_FORMULA =
            "(DN + RADIO_ADD_OFFSET) / QUANTIFICATION_VALUE";
    private static final Set<String> ELEMENTS =
            Set.of(
                    "s2v_version",
                    "experiment",
                    "created",
                    "bands",
                    "tile_size",
                    "input_scale",
                    "normalization",
                    "architecture",
                    "loss",
                    "threshold",
                    "training_dataset");

    private ModelXml() {}

    static void write(ModelDescriptor d, Path file) throws IOException {
        Document doc = newBuilder().newDocument();
        Element root = doc.createElement(ROOT);
        root.setAttribute("format_version", FORMAT_VERSION);
        doc.appendChild(root);
        add(root, "s2v_version").setTextContent(d.s2vVersion());
        add(root, "experiment").setTextContent(d.experiment());
        add(root, "created").setTextContent(d.created().toString());
        Element bands = add(root, "bands");
        for (SpectralBand band : d.bands()) {
            add(bands, "band").setTextContent(band.name());
        }
        add(root, "tile_size").setTextContent(Integer.toString(d.tileSizePx()));
        Element scale = add(root, "input_scale");
        scale.setAttribute("reflectance", Boolean.toString(d.reflectance()));
        scale.setAttribute("formula", d.reflectance() ? REFLECTANCE_FORMULA : "DN");
        d.inputLevel().ifPresent(level -> scale.setAttribute("level", level.key()));
        Normalization n = d.normalization();
        Element normalization = add(root, "normalization");
        normalization.setAttribute("kind", n.kind().key());
        if (n.kind() == Normalization.Kind.MAX) {
            addValues(normalization, "max_values", d.bands(), n.scale());
        } else {
            addValues(normalization, "mean_values", d.bands(), n.center());
            addValues(normalization, "std_values", d.bands(), n.scale());
        }
        UNetArchitecture a = d.architecture();
        Element architecture = add(root, "architecture");
        architecture.setAttribute("name", "unet");
        architecture.setAttribute("filters", Integer.toString(a.baseFilters()));
        architecture.setAttribute("depth", Integer.toString(a.depth()));
        architecture.setAttribute("dropout", Double.toString(a.dropout()));
        architecture.setAttribute("batch_norm", Boolean.toString(a.batchNorm()));
        architecture.setAttribute("decoder", a.decoder().key());
        architecture.setAttribute("parameter_count", Long.toString(a.parameterCount()));
        Element loss = add(root, "loss");
        loss.setAttribute("name", d.loss().name());
        for (Map.Entry<String, Double> param : d.loss().params().entrySet()) {
            Element p = add(loss, "param");
            p.setAttribute("name", param.getKey());
            p.setAttribute("value", Double.toString(param.getValue()));
        }
        add(root, "threshold").setTextContent(Double.toString(d.threshold()));
        Element dataset = add(root, "training_dataset");
        dataset.setAttribute("name", d.datasetName());
        dataset.setAttribute("path", d.datasetPath());

        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                // the JDK's serialiser puts the root on the declaration's line: write it ourselves
                out.write(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                .getBytes(StandardCharsets.UTF_8));
                Transformer transformer = TransformerFactory.newInstance().newTransformer();
                transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                transformer.setOutputProperty(OutputKeys.INDENT, "yes");
                transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
                transformer.transform(new DOMSource(doc), new StreamResult(out));
            }
            Files.move(
                    temp,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (TransformerException e) {
            throw new IOException(file + ": cannot write XML: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static ModelDescriptor read(Path file) throws IOException {
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = newBuilder().parse(in);
        } catch (SAXException e) {
            throw new ModelFormatException(file, "not readable XML: " + e.getMessage(), e);
        }
        return new Reader(file).descriptor(doc.getDocumentElement());
    }

    /** Parses one file; every error names it and the element. */
    private record Reader(Path file) {

        ModelDescriptor descriptor(Element root) {
            if (!root.getTagName().equals(ROOT)) {
                throw error("root element <" + root.getTagName() + "> is not <" + ROOT + ">");
            }
            String version = root.getAttribute("format_version");
            if (!version.equals(FORMAT_VERSION)) {
                throw error(
                        "<"
                                + ROOT
                                + "> format_version is '"
                                + version
                                + "', this s2v reads "
                                + FORMAT_VERSION);
            }
            for (Element e : children(root)) {
                if (!ELEMENTS.contains(e.getTagName())) {
                    throw error(
                            "unknown element <"
                                    + e.getTagName()
                                    + ">; allowed: "
                                    + String.join(", ", ELEMENTS.stream().sorted().toList()));
                }
            }
            List<SpectralBand> bands = bands(child(root, "bands"));
            Element scale = child(root, "input_scale");
            UNetArchitecture architecture = architecture(child(root, "architecture"), bands.size());
            try {
                return new ModelDescriptor(
                        bands,
                        parse(child(root, "tile_size"), Integer::parseInt, "a whole number"),
                        bool(scale, "reflectance"),
                        level(scale),
                        normalization(child(root, "normalization"), bands),
                        architecture,
                        loss(child(root, "loss")),
                        parse(child(root, "threshold"), ModelXml::finite, "a number"),
                        attribute(child(root, "training_dataset"), "name"),
                        attribute(child(root, "training_dataset"), "path"),
                        text(child(root, "experiment")),
                        parse(child(root, "created"), Instant::parse, "a UTC time"),
                        text(child(root, "s2v_version")));
            } catch (ModelFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        /** The optional {@code level} of {@code <input_scale>}; absent in older models. */
        private Optional<ProductLevel> level(Element scale) {
            if (!scale.hasAttribute("level")) {
                return Optional.empty();
            }
            try {
                return Optional.of(ProductLevel.parse(scale.getAttribute("level")));
            } catch (IllegalArgumentException e) {
                throw error("<input_scale level>: " + e.getMessage());
            }
        }

        private List<SpectralBand> bands(Element element) {
            List<SpectralBand> bands = new ArrayList<>();
            for (Element band : children(element)) {
                if (!band.getTagName().equals("band")) {
                    throw error("<bands> holds <" + band.getTagName() + ">; allowed: <band>");
                }
                SpectralBand parsed;
                try {
                    parsed = SpectralBand.parse(text(band));
                } catch (IllegalArgumentException e) {
                    throw error("<bands>: " + e.getMessage());
                }
                if (bands.contains(parsed)) {
                    throw error("<bands> lists " + parsed + " twice");
                }
                bands.add(parsed);
            }
            if (bands.isEmpty()) {
                throw error("<bands> lists no <band>");
            }
            return bands;
        }

        private Normalization normalization(Element element, List<SpectralBand> bands) {
            try {
                Normalization.Kind kind = Normalization.Kind.parse(attribute(element, "kind"));
                return switch (kind) {
                    case MAX -> Normalization.max(values(element, "max_values", bands));
                    case STANDARD ->
                            Normalization.standard(
                                    values(element, "mean_values", bands),
                                    values(element, "std_values", bands));
                };
            } catch (ModelFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error("<normalization>: " + e.getMessage());
            }
        }

        private double[] values(Element normalization, String name, List<SpectralBand> bands) {
            List<Element> values = children(child(normalization, name));
            if (values.size() != bands.size()) {
                throw error(
                        "<"
                                + name
                                + "> has "
                                + values.size()
                                + " values for "
                                + bands.size()
                                + " bands");
            }
            double[] result = new double[values.size()];
            for (int i = 0; i < result.length; i++) {
                Element value = values.get(i);
                String band = value.getAttribute("band");
                if (!value.getTagName().equals("value") || !band.equals(bands.get(i).name())) {
                    throw error(
                            "<"
                                    + name
                                    + "> entry "
                                    + (i + 1)
                                    + " must be <value band=\""
                                    + bands.get(i)
                                    + "\">, in the order of <bands>");
                }
                result[i] = parse(value, ModelXml::finite, "a number");
            }
            return result;
        }

        private UNetArchitecture architecture(Element element, int bands) {
            String name = attribute(element, "name");
            if (!name.equals("unet")) {
                throw error("<architecture> name is '" + name + "'; allowed: unet");
            }
            UNetArchitecture architecture;
            try {
                architecture =
                        new UNetArchitecture(
                                bands,
                                parse(element, "filters", Integer::parseInt, "a whole number"),
                                parse(element, "depth", Integer::parseInt, "a whole number"),
                                parse(element, "dropout", ModelXml::finite, "a number"),
                                bool(element, "batch_norm"),
                                Decoder.parse(attribute(element, "decoder")));
            } catch (ModelFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error("<architecture>: " + e.getMessage());
            }
            long count = parse(element, "parameter_count", Long::parseLong, "a whole number");
            if (count != architecture.parameterCount()) {
                throw error(
                        "<architecture> parameter_count "
                                + count
                                + " does not match the "
                                + architecture.parameterCount()
                                + " of its filters, depth, batch_norm and bands");
            }
            return architecture;
        }

        private LossSpec loss(Element element) {
            Map<String, Double> params = new LinkedHashMap<>();
            for (Element param : children(element)) {
                if (!param.getTagName().equals("param")) {
                    throw error("<loss> holds <" + param.getTagName() + ">; allowed: <param>");
                }
                String name = attribute(param, "name");
                if (params.put(name, parse(param, "value", ModelXml::finite, "a number")) != null) {
                    throw error("<loss> has parameter " + name + " twice");
                }
            }
            try {
                return new LossSpec(attribute(element, "name"), params);
            } catch (IllegalArgumentException e) {
                throw error("<loss>: " + e.getMessage());
            }
        }

        private Element child(Element parent, String name) {
            Element found = null;
            for (Element e : children(parent)) {
                if (e.getTagName().equals(name)) {
                    if (found != null) {
                        throw error("<" + name + "> appears twice");
                    }
                    found = e;
                }
            }
            if (found == null) {
                throw error("has no <" + name + "> in <" + parent.getTagName() + ">");
            }
            return found;
        }

        private String text(Element element) {
            String text = element.getTextContent().strip();
            if (text.isEmpty()) {
                throw error("<" + element.getTagName() + "> is empty");
            }
            return text;
        }

        private String attribute(Element element, String name) {
            if (!element.hasAttribute(name)) {
                throw error("<" + element.getTagName() + "> has no " + name + " attribute");
            }
            return element.getAttribute(name).strip();
        }

        private boolean bool(Element element, String name) {
            String text = attribute(element, name);
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default ->
                        throw error(
                                "<"
                                        + element.getTagName()
                                        + "> "
                                        + name
                                        + " is '"
                                        + text
                                        + "'; allowed: true, false");
            };
        }

        private <T> T parse(Element element, Function<String, T> parser, String what) {
            String text = text(element);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw error("<" + element.getTagName() + "> '" + text + "' is not " + what);
            }
        }

        private <T> T parse(
                Element element, String attribute, Function<String, T> parser, String what) {
            String text = attribute(element, attribute);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                throw error(
                        "<"
                                + element.getTagName()
                                + "> "
                                + attribute
                                + " '"
                                + text
                                + "' is not "
                                + what);
            }
        }

        private ModelFormatException error(String reason) {
            return new ModelFormatException(file, reason);
        }
    }

    private static double finite(String text) {
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(text);
        }
        return value;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static Element add(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    private static void addValues(
            Element parent, String name, List<SpectralBand> bands, double[] values) {
        Element list = add(parent, name);
        for (int i = 0; i < values.length; i++) {
            Element value = add(list, "value");
            value.setAttribute("band", bands.get(i).name());
            value.setTextContent(Double.toString(values[i]));
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // model folders are shared between people: no DTDs, no external entities
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }
}
