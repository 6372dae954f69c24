// Objects a short-lived process need not free. A command moves its big structures (a loaded
// chart, its parse trees, a rendering) into a Retain instead of destroying them; the CLI
// then ends the process without running destructors, because freeing a large render's trees
// and values one node at a time costs about a tenth of the render (bench/run.sh). Whoever
// owns the Retain and lives on (tests, a server) lets it free everything normally.
#pragma once

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace capstan {

class Retain {
 public:
  template <typename T>
  void keep(T&& object) {
    kept_.push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(object)));
  }
  std::size_t size() const { return kept_.size(); }

 private:
  std::vector<std::shared_ptr<void>> kept_;
};

}  // namespace capstan
