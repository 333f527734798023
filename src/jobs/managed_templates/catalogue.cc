// The AWS managed job templates, one entry per template version. The documents are AWS's,
// character for character where AWS prints them (DescribeManagedJobTemplate answers them in
// this compact form); README.md says where each document, description and parameter comes
// from and which few parts iotjobs had to choose itself.
#include "jobs/managed_templates/catalogue.h"

#include <algorithm>
#include <charconv>

namespace iotjobs::jobs {
namespace {

// The two optional parameters every runHandler template has, in AWS's words.
DocumentParameter RunAsUser() {
  return {"runAsUser",
          "Execute handler as another user. If not specified, then handler is executed as the "
          "same user as device client.",
          "(.){0,256}", "user1", true};
}

DocumentParameter PathToHandler() {
  return {"pathToHandler",
          "Path to handler on the device. If not specified, then device client will use the "
          "current working directory.",
          "(.){0,4096}", "/path/to/handler/script", true};
}

// A required parameter whose regex AWS does not publish: as permissive as AWS's published
// required ones (downloadUrl, filePath).
DocumentParameter Required(std::string key, std::string description, std::string example) {
  return {std::move(key), std::move(description), "(.*?)", std::move(example), false};
}

// The job document of a template that runs one handler script with `args` (each a JSON
// string, placeholders included), as AWS's documents are laid out.
std::string RunHandlerDocument(std::string_view name, std::string_view handler,
                               std::string_view args) {
  std::string doc = R"({"version":"1.0","steps":[{"action":{"name":")";
  doc += name;
  doc += R"(","type":"runHandler","input":{"handler":")";
  doc += handler;
  doc += '"';
  if (!args.empty()) {
    doc += R"(,"args":[)";
    doc += args;
    doc += ']';
  }
  doc += R"(,"path":"${aws:iot:parameter:pathToHandler}"},)";
  doc += R"("runAsUser":"${aws:iot:parameter:runAsUser}"}}]})";
  return doc;
}

std::vector<ManagedJobTemplate> Build() {
  const std::vector<std::string> linux_only = {"LINUX"};
  std::vector<ManagedJobTemplate> all = {
      {"AWS-Download-File",
       "1.0",
       "A managed job template for downloading a file.",
       linux_only,
       RunHandlerDocument("Download-File", "download-file.sh",
                          R"("${aws:iot:parameter:downloadUrl}","${aws:iot:parameter:filePath}")"),
       {{"downloadUrl", "URL of file to download.", "(.*?)", "http://www.example.com/index.html",
         false},
        {"filePath", "Path on the device where downloaded file is written.", "(.*?)",
         "/path/to/file", false},
        RunAsUser(),
        PathToHandler()}},
      {"AWS-Install-Application",
       "1.0",
       "A managed job template for installing one or more applications.",
       linux_only,
       RunHandlerDocument("Install-Application", "install-packages.sh",
                          R"("${aws:iot:parameter:packages}")"),
       {Required("packages", "A space-separated list of one or more applications to be installed.",
                 "lftp dos2unix"),
        RunAsUser(), PathToHandler()}},
      {"AWS-Reboot",
       "1.0",
       "A managed job template for rebooting the device.",
       linux_only,
       RunHandlerDocument("Reboot", "reboot.sh", ""),
       {RunAsUser(), PathToHandler()}},
      {"AWS-Remove-Application",
       "1.0",
       "A managed job template for uninstalling one or more applications.",
       linux_only,
       RunHandlerDocument("Remove-Application", "remove-packages.sh",
                          R"("${aws:iot:parameter:packages}")"),
       {Required("packages",
                 "A space-separated list of one or more applications to be uninstalled.",
                 "lftp dos2unix"),
        RunAsUser(), PathToHandler()}},
      {"AWS-Restart-Application",
       "1.0",
       "A managed job template for restarting one or more system services.",
       linux_only,
       RunHandlerDocument("Restart-Application", "restart-services.sh",
                          R"("${aws:iot:parameter:services}")"),
       {Required("services", "A space-separated list of one or more applications to be restarted.",
                 "ssh cron"),
        RunAsUser(), PathToHandler()}},
      {"AWS-Run-Command",
       "1.0",
       "A managed job template for running a command.",
       linux_only,
       R"({"version":"1.0","steps":[{"action":{"name":"Run-Command","type":"runCommand",)"
       R"("input":{"command":"${aws:iot:parameter:command}"},)"
       R"("runAsUser":"${aws:iot:parameter:runAsUser}"}}]})",
       {Required("command",
                 "Command to run on the device: the program and its arguments, separated by "
                 "commas.",
                 "echo,Hello World"),
        RunAsUser()}},
      {"AWS-Start-Application",
       "1.0",
       "A managed job template for starting one or more system services.",
       linux_only,
       RunHandlerDocument("Start-Application", "start-services.sh",
                          R"("${aws:iot:parameter:services}")"),
       {Required("services", "A space-separated list of one or more applications to be started.",
                 "ssh cron"),
        RunAsUser(), PathToHandler()}},
      {"AWS-Stop-Application",
       "1.0",
       "A managed job template for stopping one or more system services.",
       linux_only,
       RunHandlerDocument("Stop-Application", "stop-services.sh",
                          R"("${aws:iot:parameter:services}")"),
       {Required("services", "A space-separated list of one or more applications to be stopped.",
                 "ssh cron"),
        RunAsUser(), PathToHandler()}},
  };
  std::sort(all.begin(), all.end(), [](const ManagedJobTemplate& a, const ManagedJobTemplate& b) {
    if (a.template_name != b.template_name) return a.template_name < b.template_name;
    return CompareTemplateVersions(a.template_version, b.template_version) < 0;
  });
  return all;
}

// The next dot-separated number of a version, consumed from `v`.
long long NextPart(std::string_view& v) {
  size_t dot = v.find('.');
  std::string_view part = v.substr(0, dot);
  v = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
  long long n = 0;
  std::from_chars(part.data(), part.data() + part.size(), n);
  return n;
}

}  // namespace

const std::vector<ManagedJobTemplate>& ManagedJobTemplates() {
  static const std::vector<ManagedJobTemplate> all = Build();
  return all;
}

int CompareTemplateVersions(std::string_view a, std::string_view b) {
  while (!a.empty() || !b.empty()) {
    long long x = NextPart(a), y = NextPart(b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

const ManagedJobTemplate* FindManagedJobTemplate(std::string_view name,
                                                 const std::optional<std::string>& version) {
  const ManagedJobTemplate* found = nullptr;
  for (const auto& t : ManagedJobTemplates()) {
    if (t.template_name != name) continue;
    if (version) {
      if (t.template_version == *version) return &t;
    } else {
      found = &t;  // ordered oldest first: the last one is the latest
    }
  }
  return found;
}

std::string ManagedJobTemplateArn(std::string_view region, const ManagedJobTemplate& t) {
  std::string arn = "arn:aws:iot:";
  arn += region;
  arn += "::jobtemplate/";
  arn += t.template_name;
  arn += ':';
  arn += t.template_version;
  return arn;
}

std::optional<ManagedTemplateRef> ParseManagedTemplateName(std::string_view name_and_version) {
  size_t colon = name_and_version.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == name_and_version.size()) {
    return std::nullopt;
  }
  return ManagedTemplateRef{std::string(name_and_version.substr(0, colon)),
                            std::string(name_and_version.substr(colon + 1))};
}

}  // namespace iotjobs::jobs
