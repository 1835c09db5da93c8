package org.allgo.submission.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.allgo.inputs.entity.Boutiques;
import org.allgo.inputs.entity.FieldError;
import org.allgo.inputs.entity.InputDescription;
import org.allgo.inputs.entity.InputKind;
import org.allgo.inputs.entity.InputSpec;
import org.allgo.jobs.entity.Parameters;
import org.allgo.platform.BusinessException;
import org.allgo.submission.entity.JobDraft;
import org.allgo.webapps.entity.WebappVersion;

/**
 * A job's inputs given by name, checked against the description of the version that runs it, and
 * the parameter string they render to: the command line's arguments, each one word whatever its
 * spaces and quotes (the job records both).
 */
record InputValues(String param, String json) {

  static InputValues check(WebappVersion version, JobDraft draft, List<String> files) {
    if (version.inputs() == null) {
      throw BusinessException.invalid(
          "inputs-not-described",
          version.webapp().dockerName()
              + " "
              + version.number()
              + " does not describe its inputs: send its parameters as one string (param).");
    }
    if (draft.param() != null && !draft.param().isBlank()) {
      throw BusinessException.invalid(
          "inputs-and-param", "Send the inputs by name or the parameter string, not both.");
    }
    InputDescription description = Boutiques.read(version.inputs());
    Map<String, Object> values = draft.inputs();
    Map<String, String> refused = new LinkedHashMap<>();
    for (FieldError error : description.check(values)) {
      refused.putIfAbsent(error.field(), error.message());
    }
    for (InputSpec input : description.inputs()) {
      if (input.kind() == InputKind.FILE && !refused.containsKey(input.id())) {
        Object value = values.get(input.id());
        for (Object name :
            value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
          if (!files.contains(name)) {
            refused.put(input.id(), "The job has no input file named " + name + ".");
          }
        }
      }
    }
    if (!refused.isEmpty()) {
      throw BusinessException.invalid(
              "invalid-inputs",
              refused.size() == 1
                  ? "One input is not valid: " + refused.keySet().iterator().next() + "."
                  : refused.size()
                      + " inputs are not valid: "
                      + String.join(", ", refused.keySet())
                      + ".")
          .withFields(refused);
    }
    return new InputValues(
        Parameters.quoted(description.argv(values)).text(),
        Boutiques.valuesJson(description.withDefaults(values)));
  }
}
