// The Engine: one "gotpl" template set with Sprig's and Helm's functions, rendering files as
// Helm's engine does (`<no value>` erased, cleanupParseError/cleanupExecError wording).
#include "templating/engine.h"

#include <pthread.h>
#include <sys/mman.h>
#include <ucontext.h>

#include <exception>
#include <functional>
#include <type_traits>

#include "core/error.h"
#include "templating/exec.h"
#include "templating/template_set.h"

namespace capstan::templating {

namespace {

constexpr std::string_view kWarnStart = "HELM_ERR_START";
constexpr std::string_view kWarnEnd = "HELM_ERR_END";

std::vector<std::string_view> split(std::string_view s, std::string_view sep, std::size_t max_parts) {
  std::vector<std::string_view> out;
  while (out.size() + 1 < max_parts) {
    const std::size_t at = s.find(sep);
    if (at == std::string_view::npos) break;
    out.push_back(s.substr(0, at));
    s.remove_prefix(at + sep.size());
  }
  out.push_back(s);
  return out;
}

void erase_no_value(std::string& s) {
  constexpr std::string_view kNoValue = "<no value>";
  std::size_t at = s.find(kNoValue);
  if (at == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  std::size_t from = 0;
  while (at != std::string::npos) {
    out.append(s, from, at - from);
    from = at + kNoValue.size();
    at = s.find(kNoValue, from);
  }
  out.append(s, from);
  s = std::move(out);
}

// Go runs templates on goroutine stacks that grow to 1 GB, so deep {{template}} and include
// recursion fails with Go's own errors rather than a crash. Executions run on a stack that
// large: one per thread, mapped once without reserving memory (pages are committed as they
// are touched), and entered with swapcontext, which costs far less than a thread per call (a
// chart renders hundreds of files; under load each thread hand-off waits for the scheduler).
constexpr std::size_t kExecStackSize = std::size_t{1} << 30;

// Set while this thread runs on its big stack, so nested calls run directly.
thread_local bool tl_on_big_stack = false;

#if !defined(__SANITIZE_ADDRESS__)
class BigStack {
 public:
  BigStack() {
    void* p = mmap(nullptr, kExecStackSize, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p != MAP_FAILED) base_ = p;
  }
  ~BigStack() {
    if (base_ != nullptr) munmap(base_, kExecStackSize);
  }
  BigStack(const BigStack&) = delete;
  BigStack& operator=(const BigStack&) = delete;
  void* base() const { return base_; }

 private:
  void* base_ = nullptr;
};

struct FiberCall {
  const std::function<void()>* f;
  std::exception_ptr error;
  ucontext_t caller;
};

thread_local FiberCall* tl_fiber_call = nullptr;

// The big stack's entry: runs the call, keeps its exception for the caller's side, and returns
// through uc_link.
void fiber_entry() {
  FiberCall* c = tl_fiber_call;
  try {
    (*c->f)();
  } catch (...) {
    c->error = std::current_exception();
  }
}
#endif

// A thread with a 1 GB stack: when no big stack can be mapped, and always under
// AddressSanitizer, which cannot follow exceptions thrown on a swapcontext stack
// (google/sanitizers#189: its no-return handler reports a false stack-buffer-overflow).
void on_thread(const std::function<void()>& f) {
  struct Call {
    const std::function<void()>* f;
    std::exception_ptr error;
  } call{&f, nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kExecStackSize);
  pthread_t thread;
  auto body = [](void* p) -> void* {
    auto* c = static_cast<Call*>(p);
    tl_on_big_stack = true;
    try {
      (*c->f)();
    } catch (...) {
      c->error = std::current_exception();
    }
    return nullptr;
  };
  const int rc = pthread_create(&thread, &attr, body, &call);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    f();  // no thread available: run here, guarded by the executor's stack check
    return;
  }
  pthread_join(thread, nullptr);
  if (call.error) std::rethrow_exception(call.error);
}

void on_big_stack_impl(const std::function<void()>& f) {
  if (tl_on_big_stack) {
    f();
    return;
  }
#if defined(__SANITIZE_ADDRESS__)
  on_thread(f);
#else
  static thread_local BigStack stack;
  if (stack.base() == nullptr) {
    on_thread(f);
    return;
  }
  FiberCall call{&f, nullptr, {}};
  ucontext_t callee;
  if (getcontext(&callee) != 0) {
    on_thread(f);
    return;
  }
  callee.uc_stack.ss_sp = stack.base();
  callee.uc_stack.ss_size = kExecStackSize;
  callee.uc_link = &call.caller;
  makecontext(&callee, fiber_entry, 0);
  FiberCall* const outer = tl_fiber_call;
  tl_fiber_call = &call;
  tl_on_big_stack = true;
  set_execution_stack_size(kExecStackSize);
  swapcontext(&call.caller, &callee);
  set_execution_stack_size(0);
  tl_on_big_stack = false;
  tl_fiber_call = outer;
  if (call.error) std::rethrow_exception(call.error);
#endif
}

template <typename F>
void on_big_stack(F&& f) {
  if (tl_on_big_stack) {
    f();
    return;
  }
  on_big_stack_impl(std::function<void()>(std::ref(f)));
}

}  // namespace

void run_with_big_stack(const std::function<void()>& f) { on_big_stack(f); }

std::string helm_parse_error(std::string_view file, std::string_view go_message) {
  const auto tokens = split(go_message, ": ", SIZE_MAX);
  if (tokens.size() == 1) {
    return "parse error in (" + std::string(file) + "): " + std::string(go_message);
  }
  return "parse error at (" + std::string(tokens[1]) + "): " + std::string(tokens.back());
}

std::string helm_exec_error(std::string_view file, std::string_view go_message) {
  const auto tokens = split(go_message, ": ", 3);
  if (tokens.size() != 3) {
    return "execution error in (" + std::string(file) + "): " + std::string(go_message);
  }
  // warnRegex HELM_ERR_START((?s).*)HELM_ERR_END: greedy, first start to last end.
  const std::size_t start = tokens[2].find(kWarnStart);
  if (start != std::string_view::npos) {
    const std::size_t end = tokens[2].rfind(kWarnEnd);
    if (end != std::string_view::npos && end >= start + kWarnStart.size()) {
      const std::size_t from = start + kWarnStart.size();
      return "execution error at (" + std::string(tokens[1]) + "): " +
             std::string(tokens[2].substr(from, end - from));
    }
  }
  return std::string(go_message);
}

struct Engine::Impl {
  explicit Impl(EngineOptions o) : options(std::move(o)), set("gotpl", funcs, options) {
    register_sprig_funcs(funcs);
    register_helm_funcs(funcs);
  }
  EngineOptions options;
  FuncMap funcs;
  TemplateSet set;
};

Engine::Engine(EngineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const EngineOptions& Engine::options() const { return impl_->options; }
FuncMap& Engine::funcs() { return impl_->funcs; }
TemplateSet& Engine::templates() { return impl_->set; }

void Engine::parse(std::string_view name, std::string_view text) {
  try {
    // Nesting up to Go's maxStackDepth (10000 parentheses) needs more than a default stack.
    on_big_stack([&] { impl_->set.parse(name, std::string(text)); });
  } catch (const ParseError& e) {
    throw Error(ErrorKind::Parse, helm_parse_error(name, e.what()));
  }
}

bool Engine::has_template(std::string_view name) const { return impl_->set.lookup(name) != nullptr; }

std::string Engine::execute(std::string_view name, const Value& data) {
  std::string out;
  try {
    on_big_stack([&] { impl_->set.execute_template(out, name, data); });
  } catch (const TemplateError& e) {
    throw Error(ErrorKind::Template, e.what());
  }
  return out;
}

std::string Engine::render(std::string_view name, const Value& data) {
  std::string out;
  try {
    on_big_stack([&] { impl_->set.execute_template(out, name, data); });
  } catch (const TemplateError& e) {
    if (!e.exec_error()) throw Error(ErrorKind::Template, e.what());
    throw Error(ErrorKind::Template, helm_exec_error(name, e.what()));
  }
  // Helm erases "<no value>" (Go prints it for missing values even with missingkey=zero).
  erase_no_value(out);
  return out;
}

}  // namespace capstan::templating
