#include "service/job_documents.h"

#include "jobs/managed_templates/document_parameters.h"

namespace iotjobs::service {

std::string DocumentForDevices(const store::JobDocument& stored) {
  if (!stored.parameters) return stored.document;
  return jobs::SubstituteDocumentParameters(stored.document, *stored.parameters);
}

Result<std::optional<std::string>> LoadDocumentForDevices(store::ReadTransaction& tx,
                                                          std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(auto stored, tx.GetJobDocument(job_id));
  if (!stored) return std::optional<std::string>();
  return std::optional<std::string>(DocumentForDevices(*stored));
}

}  // namespace iotjobs::service
