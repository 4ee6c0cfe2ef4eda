package io.newsflow.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical form of an article URL: the one spelling that every variant of the same article's
 * address (tracking parameters, fragment, AMP or mobile edition, default port, trailing slash) is
 * reduced to, so that the article gets one id however it was linked.
 *
 * <p>Rules, in order: scheme and host lower-cased; one leading {@code www.}, {@code m.},
 * {@code mobile.} or {@code amp.} dropped from the host (all of them, so that {@code m.example.com}
 * and {@code www.example.com} meet); default port dropped; fragment dropped; path segments
 * {@code amp} and a {@code .amp} suffix dropped; trailing slash dropped; tracking parameters
 * ({@code utm_*}, {@code fbclid}, {@code gclid}, {@code mc_cid}, {@code mc_eid}, {@code ocid},
 * {@code cmpid}, {@code ref}) and AMP switches ({@code amp}, {@code outputType=amp}) dropped; the
 * remaining parameters sorted. Percent-encoding and path case are kept as given: servers may treat
 * them as significant. A Wayback Machine copy ({@code web.archive.org/web/<timestamp>/<url>}) stands
 * for the article it archived, so it is reduced to the canonical form of that URL: research corpora
 * (GVC) cite articles that way, and every snapshot of one article must get one id.
 *
 * <p>Only absolute http(s) URLs are rewritten. Anything else (a relative link, a {@code urn:},
 * text that does not parse as a URI) comes back trimmed but otherwise untouched: it still hashes to
 * a stable id, it just has no variants to fold.
 */
public final class CanonicalUrl {
  private static final Set<String> TRACKING_PARAMS =
      Set.of("fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref");
  private static final List<String> EDITION_HOST_PREFIXES = List.of("www.", "m.", "mobile.", "amp.");
  private static final Pattern WAYBACK_PATH = Pattern.compile("^/web/[0-9]+[a-z_]*/(https?://.+)$", Pattern.CASE_INSENSITIVE);

  private CanonicalUrl() {}

  /** The canonical form of {@code url}; see the class comment for the rules. */
  public static String of(String url) {
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      return trimmed;
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.isOpaque()) {
      return trimmed;
    }
    String archived = waybackTarget(uri);
    if (archived != null) {
      return of(archived);
    }
    StringBuilder out = new StringBuilder(trimmed.length());
    out.append(scheme).append("://");
    if (uri.getRawUserInfo() != null) {
      out.append(uri.getRawUserInfo()).append('@');
    }
    out.append(host(uri.getHost()));
    if (uri.getPort() != -1 && uri.getPort() != defaultPort(scheme)) {
      out.append(':').append(uri.getPort());
    }
    out.append(path(uri.getRawPath()));
    String query = query(uri.getRawQuery());
    if (!query.isEmpty()) {
      out.append('?').append(query);
    }
    return out.toString();
  }

  /** The URL a Wayback Machine address archives, or null when {@code uri} is not one. */
  private static String waybackTarget(URI uri) {
    if (!"web.archive.org".equalsIgnoreCase(uri.getHost()) || uri.getRawPath() == null) {
      return null;
    }
    Matcher m = WAYBACK_PATH.matcher(uri.getRawPath());
    if (!m.matches()) {
      return null;
    }
    return uri.getRawQuery() == null ? m.group(1) : m.group(1) + "?" + uri.getRawQuery();
  }

  private static String host(String rawHost) {
    String host = rawHost.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);   // "example.com." is the same host
    }
    for (String prefix : EDITION_HOST_PREFIXES) {
      // Keep at least one dot, so "m.com" or "amp.dev" are not reduced to a bare TLD.
      if (host.startsWith(prefix) && host.indexOf('.', prefix.length()) > 0) {
        return host.substring(prefix.length());
      }
    }
    return host;
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }

  private static String path(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String segment : rawPath.split("/")) {
      if (segment.isEmpty() || segment.equalsIgnoreCase("amp")) {
        continue;   // empty: doubled or trailing slash; "amp": the AMP edition of the same page
      }
      kept.add(segment);
    }
    if (!kept.isEmpty()) {
      int last = kept.size() - 1;
      String lastSegment = kept.get(last);
      if (lastSegment.toLowerCase(Locale.ROOT).endsWith(".amp") && lastSegment.length() > 4) {
        kept.set(last, lastSegment.substring(0, lastSegment.length() - 4));   // BBC-style "story-123.amp"
      }
    }
    return kept.isEmpty() ? "" : "/" + String.join("/", kept);
  }

  private static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String param : rawQuery.split("&")) {
      if (!param.isEmpty() && !isNoise(param)) {
        kept.add(param);
      }
    }
    // Parameter order carries no meaning for the servers we care about; sort by name, then value.
    kept.sort(Comparator.comparing(CanonicalUrl::name).thenComparing(Comparator.naturalOrder()));
    return String.join("&", kept);
  }

  private static boolean isNoise(String param) {
    String name = name(param).toLowerCase(Locale.ROOT);
    if (name.startsWith("utm_") || TRACKING_PARAMS.contains(name) || name.equals("amp")) {
      return true;
    }
    return name.equals("outputtype") && value(param).equalsIgnoreCase("amp");
  }

  private static String name(String param) {
    int eq = param.indexOf('=');
    return eq < 0 ? param : param.substring(0, eq);
  }

  private static String value(String param) {
    int eq = param.indexOf('=');
    return eq < 0 ? "" : param.substring(eq + 1);
  }
}
