package io.newsflow.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
      "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
      "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"})
  void internalAddressesAreRecognised(String literal) throws Exception {
    assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).as(literal).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "192.169.0.1",
      "2606:4700::1111"})
  void publicAddressesPass(String literal) throws Exception {
    assertThat(AddressGuard.isInternal(InetAddress.getByName(literal))).as(literal).isFalse();
  }
}
