// The memory a stream's threads may spend at once on long records: a thread about to
// explain one takes its estimated cost from the budget and waits while the others'
// records hold too much of it (it never fails for it). A record is let in alone whatever
// its cost, so a stream always makes progress.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace crampx::cli {

class MemoryBudget {
 public:
  explicit MemoryBudget(std::size_t bytes) : bytes_(bytes) {}

  std::size_t capacity() const { return bytes_; }

  void take(std::size_t cost) {
    std::unique_lock lock(mu_);
    freed_.wait(lock, [&] { return used_ == 0 || used_ + cost <= bytes_; });
    used_ += cost;
  }

  void give_back(std::size_t cost) {
    {
      const std::lock_guard lock(mu_);
      used_ -= cost;
    }
    freed_.notify_all();
  }

 private:
  const std::size_t bytes_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::size_t used_ = 0;
};

// Holds `cost` of `budget` for a scope (a null budget, or no cost: nothing).
class BudgetShare {
 public:
  BudgetShare(MemoryBudget* budget, std::size_t cost) : budget_(cost > 0 ? budget : nullptr), cost_(cost) {
    if (budget_ != nullptr) budget_->take(cost_);
  }
  ~BudgetShare() {
    if (budget_ != nullptr) budget_->give_back(cost_);
  }
  BudgetShare(const BudgetShare&) = delete;
  BudgetShare& operator=(const BudgetShare&) = delete;

 private:
  MemoryBudget* budget_;
  std::size_t cost_;
};

}  // namespace crampx::cli
