package dev.gatehouse.admin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ValidationContractTest {

  @Test
  void trailingDollarBecomesEndOfInputAndMaxLengthBoundsThePattern() {
    String java = ValidationContract.javaPattern("^[a-z]+$", 5);
    assertThat(java).isEqualTo("^(?=[\\s\\S]{0,5}\\z)^[a-z]+\\z");
    assertThat(Pattern.compile(java).matcher("acme").find()).isTrue();
    assertThat(Pattern.compile(java).matcher("acme\n").find()).isFalse();
    assertThat(Pattern.compile(java).matcher("acmeacme").find()).isFalse();
    assertThat(Pattern.compile("^[a-z]+$").matcher("acme\n").find()).as("why the rewrite exists").isTrue();
  }

  @Test
  void escapedDollarAndDollarInsideAClassStayLiteral() {
    assertThat(ValidationContract.javaPattern("^a\\$", null)).isEqualTo("^a\\$");
    assertThat(ValidationContract.javaPattern("^a\\\\$", null)).isEqualTo("^a\\\\\\z");
    assertThat(ValidationContract.javaPattern("^[$a]+", null)).isEqualTo("^[$a]+");
  }

  @Test
  void publishedDocumentIsLeftUntouchedAndTheCopyIsAdapted() {
    JsonObject document = new JsonObject("""
        {"openapi":"3.1.0","servers":[{"url":"/api/v1"}],
         "components":{"responses":{"Bad":{"description":"x","content":{"application/problem+json":{},
           "application/json":{}}}},
           "schemas":{"Name":{"type":"string","maxLength":3,"pattern":"^a$"}}},
         "paths":{}}""");
    JsonObject original = document.copy();
    JsonObject contract = ValidationContract.from(document);
    assertThat(document).isEqualTo(original);
    assertThat(contract.getJsonArray("servers").getJsonObject(0).getString("url"))
        .isEqualTo("http://gatehouse.invalid/api/v1");
    assertThat(contract.getJsonObject("components").getJsonObject("responses").getJsonObject("Bad")
        .getJsonObject("content").fieldNames()).containsExactly("application/json");
    assertThat(contract.getJsonObject("components").getJsonObject("schemas").getJsonObject("Name")
        .getString("pattern")).isEqualTo("^(?=[\\s\\S]{0,3}\\z)^a\\z");
  }
}
