package io.newsflow.ingest.feed;

import io.newsflow.ingest.RejectionReason;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps feed links from reaching inside the network the fetcher runs in (SSRF): a host that resolves
 * to a loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast or
 * unspecified address is refused, unless private addresses are explicitly allowed. Every address of
 * the host is checked, so one public record cannot hide a private one. The HTTP client resolves the
 * name again when it connects; a DNS server that answers differently the second time (rebinding) is
 * not stopped here, which is why the guard is a default and not the only fence (egress rules are).
 */
final class AddressGuard {
  private AddressGuard() {}

  static void check(URI url) throws FetchException {
    String host = url.getHost();
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      throw new FetchException(RejectionReason.UNREACHABLE, url + ": cannot resolve host '" + host + "'");
    }
    for (InetAddress address : addresses) {
      if (isInternal(address)) {
        throw new FetchException(RejectionReason.FORBIDDEN_ADDRESS, url + ": host '" + host + "' resolves to "
            + address.getHostAddress() + ", an internal address; set " + FetchSettings.ALLOW_PRIVATE_ADDRESSES
            + "=true to fetch from it");
      }
    }
  }

  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240;
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
    }
    return false;
  }
}
