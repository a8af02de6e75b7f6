#include "cli/memory_budget.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace crampx::cli {
namespace {

// Issue 22.4: a stream's threads share a memory budget for long records. A thread whose
// record does not fit waits (it does not fail) until another gives its share back.
TEST(MemoryBudget, AThreadWaitsUntilItsShareFits) {
  MemoryBudget budget(100);
  budget.take(70);
  std::atomic<bool> got{false};
  std::thread t([&] {
    const BudgetShare share(&budget, 50);
    got = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(got.load());  // 70 + 50 > 100: it waits
  budget.give_back(70);
  t.join();
  EXPECT_TRUE(got.load());
}

// A share larger than the whole budget is let in when nothing else is held, so a stream
// with one huge record still makes progress; and no budget, or no cost, holds nothing.
TEST(MemoryBudget, AShareLargerThanTheBudgetGoesInAlone) {
  MemoryBudget budget(100);
  {
    const BudgetShare huge(&budget, 1000);
    const BudgetShare none(nullptr, 1000);
    const BudgetShare free(&budget, 0);
  }
  budget.take(100);  // all of it was given back
  budget.give_back(100);
}

}  // namespace
}  // namespace crampx::cli
