// Pulling charts (pkg/action/pull.go).
#include "repo/pull.h"

#include "core/error.h"
#include "repo/digest.h"
#include "repo/expand.h"
#include "repo/git_source.h"

namespace capstan::repo {

namespace fs = std::filesystem;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "helm-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) == nullptr)
      throw Error(ErrorKind::Io, "failed to untar: cannot create a temporary directory");
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::string pull(const std::string& chart_ref, const PullOptions& o, const Settings& s) {
  std::string out;
  std::string version = o.chart.version;
  if (version.empty() && o.chart.devel)
    version = ">0.0.0-0";
  std::string source = chart_ref;
  ChartPathOptions flags = o.chart;
  if (!o.chart.repo_url.empty()) {
    source = find_chart_in_repo_url(o.chart.repo_url, chart_ref, version, o.chart, s);
    // Helm's Pull passes --username/--password on to wherever the index points; like
    // LocateChart, only the repository's own scheme+host+port gets them here.
    GetterOptions probe;
    probe.url = o.chart.repo_url;
    probe.pass_credentials_all = o.chart.pass_credentials_all;
    if (!credentials_apply(probe, source)) {
      flags.username.clear();
      flags.password.clear();
    }
  }
  ChartDownloader dl(s, getter_options(flags));
  dl.keyring = o.chart.keyring;
  if (o.chart.verify) {
    dl.verify = VerificationStrategy::Always;
  } else if (o.prov) {
    dl.verify = VerificationStrategy::Later;
  }
  std::unique_ptr<TempDir> tmp;
  fs::path dest = o.dest_dir;
  if (o.untar) {
    tmp = std::make_unique<TempDir>();
    dest = tmp->path();
  }
  const Download d = dl.download_to(source, version, dest);
  if (o.chart.verify && d.verified)
    out += format_verification(*d.verified);
  if (o.untar) {
    fs::path ud = o.untar_dir;
    if (ud.is_relative())
      ud = fs::path(o.dest_dir) / ud;
    // udCheck: the directory named after the reference's last element must not exist yet.
    std::string ref_base = chart_ref;
    if (is_git_url(ref_base)) {
      const GitUrl g = parse_git_url(ref_base);
      ref_base = g.path.empty() ? fs::path(g.clone_url).filename().string()
                                : fs::path(g.path).filename().string();
    } else if (std::size_t slash = ref_base.rfind('/'); slash != std::string::npos) {
      ref_base = ref_base.substr(slash + 1);
    }
    const fs::path check = o.untar_dir == "." ? fs::path(o.dest_dir) / ref_base : ud / ref_base;
    std::error_code ec;
    if (fs::exists(check, ec)) {
      throw Error(ErrorKind::AlreadyExists, "failed to untar: a file or directory with the name " +
                                                check.string() + " already exists");
    }
    fs::create_directories(check, ec);
    if (ec)
      throw Error(ErrorKind::Io, "failed to untar (mkdir): " + ec.message());
    expand_archive(ud, read_file(d.file));
  }
  return out;
}

}  // namespace capstan::repo
