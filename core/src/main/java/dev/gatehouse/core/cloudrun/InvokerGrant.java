package dev.gatehouse.core.cloudrun;

import java.util.List;
import java.util.Objects;

/**
 * For the admin API: who signs for an upstream ({@code signedBy}, a sentence), the IAM member that needs
 * {@code roles/run.invoker} (null when nobody signs), the {@code gcloud} commands that grant what signing needs, and
 * notes on what could not be derived (placeholders in upper case stand for it in the commands).
 */
public record InvokerGrant(String signedBy, String member, List<String> commands, List<String> notes) {

  public InvokerGrant {
    Objects.requireNonNull(signedBy, "signedBy");
    commands = List.copyOf(commands);
    notes = List.copyOf(notes);
  }
}
