package org.allgo.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.allgo.accounts.api.Payloads;
import org.allgo.accounts.entity.AccountView;
import org.allgo.accounts.entity.SshKeyView;
import org.allgo.datastore.entity.JobLogView;
import org.allgo.dispatch.boundary.WarmPoolService;
import org.allgo.dispatch.entity.AppServer;
import org.allgo.jobs.api.BatchResource;
import org.allgo.jobs.api.JobResource;
import org.allgo.jobs.api.JobsResource;
import org.allgo.jobs.api.UploadsResource;
import org.allgo.jobs.api.V1JobsResource;
import org.allgo.jobs.api.WarmPoolResource;
import org.allgo.jobs.entity.JobView;
import org.allgo.queues.entity.QueueDraft;
import org.allgo.queues.entity.QueueView;
import org.allgo.submission.entity.JobLimits;
import org.allgo.submission.entity.UploadView;
import org.allgo.webapps.api.BaseImagesResource;
import org.allgo.webapps.api.InputsResource;
import org.allgo.webapps.api.TestJobResource;
import org.allgo.webapps.api.WebappPayloads;
import org.allgo.webapps.entity.BaseImageView;
import org.allgo.webapps.entity.TestJobView;
import org.allgo.webapps.entity.VersionView;
import org.allgo.webapps.entity.WebappDraft;
import org.allgo.webapps.entity.WebappView;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;

/**
 * The schemas of the document: the records the API reads and writes, each under its simple name
 * ({@link RecordSchemas}), named by the resources' annotations ({@code @Schema(ref = "JobView")};
 * {@code ref = "JobView[]"}, a list of them), and the multipart forms; then every schema of the
 * document is tidied ({@link SchemaTidy}).
 */
final class ApiSchemas {

  static final List<Class<?>> RECORDS =
      List.of(
          AccountView.class,
          SshKeyView.class,
          Payloads.SignUp.class,
          Payloads.EmailOnly.class,
          Payloads.PasswordReset.class,
          Payloads.Credentials.class,
          Payloads.Profile.class,
          Payloads.NewSshKey.class,
          Payloads.State.class,
          Payloads.Token.class,
          Payloads.Message.class,
          JobView.class,
          JobLimits.class,
          JobLogView.class,
          UploadView.class,
          JobsResource.JobFormFields.class,
          JobsResource.JobRequest.class,
          JobResource.FileLink.class,
          UploadsResource.UploadForm.class,
          BatchResource.BatchExecution.class,
          AppServer.class,
          WarmPoolService.Pool.class,
          WarmPoolService.KindRow.class,
          WarmPoolResource.WarmPoolChange.class,
          V1JobsResource.V1Submitted.class,
          V1JobsResource.V1Job.class,
          V1JobsResource.V1JobForm.class,
          QueueView.class,
          QueueDraft.class,
          WebappView.class,
          WebappDraft.class,
          VersionView.class,
          BaseImageView.class,
          BaseImagesResource.NewBaseImage.class,
          WebappPayloads.SandboxStart.class,
          WebappPayloads.Commit.class,
          WebappPayloads.Pin.class,
          WebappPayloads.Network.class,
          InputsResource.BoutiquesDescriptor.class,
          InputsResource.BoutiquesInput.class,
          InputsResource.InputsSchema.class,
          TestJobView.class,
          TestJobResource.TestParam.class,
          TestJobResource.TestFilesForm.class);

  /**
   * The forms of the operations that read multipart bodies as parts ({@code List<EntityPart>}),
   * which Payara describes as an array of objects whatever the annotations say.
   */
  static final Map<String, Class<?>> FORMS =
      Map.of(
          "submitJob", JobsResource.JobFormFields.class,
          "addUpload", UploadsResource.UploadForm.class,
          "submitV1Job", V1JobsResource.V1JobForm.class,
          "addTestFiles", TestJobResource.TestFilesForm.class);

  private ApiSchemas() {}

  static void describe(OpenAPI openApi) {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    RecordSchemas records = new RecordSchemas(schemas);
    RECORDS.forEach(records::add);
    if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
      openApi.getComponents().getSchemas().forEach(schemas::putIfAbsent);
    }
    schemas.values().forEach(SchemaTidy::tidy);
    openApi.getComponents().setSchemas(schemas);
    if (openApi.getPaths() == null || openApi.getPaths().getPathItems() == null) {
      return;
    }
    openApi
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item ->
                item.getOperations()
                    .values()
                    .forEach(
                        operation -> {
                          forms(operation);
                          if (operation.getParameters() != null) {
                            operation.getParameters().forEach(p -> SchemaTidy.whole(p.getSchema()));
                          }
                          if (operation.getRequestBody() != null) {
                            eachMediaSchema(
                                operation.getRequestBody().getContent(), SchemaTidy::tidy);
                          }
                          if (operation.getResponses() != null
                              && operation.getResponses().getAPIResponses() != null) {
                            operation
                                .getResponses()
                                .getAPIResponses()
                                .values()
                                .forEach(r -> eachMediaSchema(r.getContent(), SchemaTidy::tidy));
                          }
                        }));
  }

  private static void forms(Operation operation) {
    Class<?> form = FORMS.get(operation.getOperationId());
    if (form == null) {
      return;
    }
    if (operation.getRequestBody() == null) {
      operation.setRequestBody(OASFactory.createRequestBody());
    }
    RequestBody body = operation.getRequestBody().required(true);
    if (body.getContent() == null) {
      body.setContent(OASFactory.createContent());
    }
    Schema schema = OASFactory.createSchema().ref("#/components/schemas/" + form.getSimpleName());
    body.getContent()
        .addMediaType("multipart/form-data", OASFactory.createMediaType().schema(schema));
    if (body.getContent().hasMediaType("application/x-www-form-urlencoded")) {
      body.getContent().getMediaType("application/x-www-form-urlencoded").schema(schema);
    }
    // A method that consumes any type (to refuse a stranger before reading the form) still takes
    // only the form.
    body.getContent().removeMediaType("*/*");
  }

  private static void eachMediaSchema(Content content, Consumer<Schema> action) {
    if (content != null && content.getMediaTypes() != null) {
      content.getMediaTypes().values().stream()
          .filter(type -> type.getSchema() != null)
          .forEach(type -> action.accept(type.getSchema()));
    }
  }
}
