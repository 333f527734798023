// documentSource: a job's or a template's document read from the S3-compatible store at the
// moment of CreateJob / CreateJobTemplate and kept, as AWS IoT does ("S3 documents are read
// once at create time; later edits to the object do not change the job";
// docs/s3-documents.md). The read runs on the object store's threads; the transaction that
// follows checks the text as it checks an inline document.
#include "s3/object_store.h"
#include "service/job_checks.h"
#include "service/service.h"
#include "service/transactions/job_templates.h"
#include "service/transactions/jobs.h"

namespace iotjobs::service {

void Service::ReadDocument(const std::string& url,
                           std::function<void(Result<std::string>)> done) {
  Result<s3::ObjectLocation> location = object_store_->Locate(url);
  if (!location.ok()) {
    done(InvalidRequest("documentSource: " + location.status().message()));
    return;
  }
  object_store_->ReadAsync(
      std::move(location).value(), kMaxJobDocumentBytes,
      [url, done = std::move(done)](Result<std::string> body) {
        if (!body.ok()) {
          if (body.status().code() != ErrorCode::kInvalidRequest) {
            done(body.status());
            return;
          }
          done(InvalidRequest("documentSource " + url + " cannot be read: " +
                              body.status().message() + "."));
          return;
        }
        done(std::move(body));
      });
}

void Service::CreateJob(const CallContext& ctx, CreateJobRequest req, Callback<jobs::Job> done) {
  if (!req.document_source || !object_store_) {
    // Without a store the transaction refuses a documentSource, naming the flag it needs.
    WriteOp<jobs::Job>(ctx, transactions::CreateJob, std::move(req), std::move(done));
    return;
  }
  if (Status s = CheckDocumentSourceAlone(req); !s.ok()) {
    done(s);
    return;
  }
  const std::string url = *req.document_source;
  ReadDocument(url, [this, ctx, req = std::move(req), done](Result<std::string> document) mutable {
    if (!document.ok()) {
      done(document.status());
      return;
    }
    req.job.document = std::move(document).value();
    req.job.document_source = req.document_source;
    WriteOp<jobs::Job>(ctx, transactions::CreateJob, std::move(req), std::move(done));
  });
}

void Service::CreateJobTemplate(const CallContext& ctx, CreateJobTemplateRequest req,
                                Callback<jobs::JobTemplate> done) {
  if (!req.document_source || !object_store_) {
    WriteOp<jobs::JobTemplate>(ctx, transactions::CreateJobTemplate, std::move(req),
                               std::move(done));
    return;
  }
  if (Status s = CheckDocumentSourceAlone(req); !s.ok()) {
    done(s);
    return;
  }
  const std::string url = *req.document_source;
  ReadDocument(url, [this, ctx, req = std::move(req), done](Result<std::string> document) mutable {
    if (!document.ok()) {
      done(document.status());
      return;
    }
    req.document = std::move(document).value();
    req.job_template.document_source = req.document_source;
    WriteOp<jobs::JobTemplate>(ctx, transactions::CreateJobTemplate, std::move(req),
                               std::move(done));
  });
}

}  // namespace iotjobs::service
