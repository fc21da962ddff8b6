package dev.s2v.charts;

/** The house style of s2v's HTML pages (exploration, evaluation reports) and safe text in them. */
public final class Pages {
    /** The stylesheet every page starts from; a page appends its own rules. */
    public static final String BASE_CSS =
            """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1250px;
                   color: #1a1a1a; line-height: 1.45; padding: 0 1em; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.92em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: right; }
            th { background: #f0f3f7; }
            td.text, th.text { text-align: left; overflow-wrap: anywhere; }
            .meta { color: #444; }
            img { max-width: 100%; height: auto; border: 1px solid #ddd; }
            figure { margin: 1em 0; }
            """;

    private Pages() {}

    /** Text safe inside HTML elements and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
