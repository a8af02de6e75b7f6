#include "cli/stream.h"

#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/line_reader.h"
#include "cli/record.h"
#include "cli/terminal.h"

namespace crampx::cli {
namespace {

// Lines are handed to workers in batches, so locking costs little per record.
constexpr std::size_t kBatchLines = 256;
constexpr std::size_t kBatchBytes = 1 << 20;

// Batches are reused once written: their line strings and output keep their capacity,
// so a long stream allocates nothing per record in steady state.
struct Batch {
  std::vector<std::string> lines;  // lines[0, count) hold this batch's records
  std::vector<char> too_long;
  std::size_t count = 0;
  std::string out;
  std::size_t explained = 0;
  std::size_t errors = 0;
  bool done = false;

  void reset() {
    count = 0;
    out.clear();
    explained = errors = 0;
    done = false;
  }
};

void process(Batch& batch, const Context& ctx, const StreamOptions& o) {
  thread_local infer::Workspace workspace;
  thread_local infer::Report rep;
  std::vector<infer::AnswerEntry> answers;
  for (std::size_t i = 0; i < batch.count; ++i) {
    if (batch.too_long[i] != 0) {
      report::render_error_record(std::nullopt,
                          Error{"record_too_long",
                                fmt::format("the line is longer than the limit of {} MiB", kMaxRecordBytes >> 20)},
                          batch.out);
      ++batch.errors;
      continue;
    }
    Record record = parse_record(batch.lines[i], ctx.kb);
    if (record.error) {
      report::render_error_record(record.id, *record.error, batch.out);
      ++batch.errors;
      continue;
    }
    answers = o.answers;
    for (const infer::AnswerEntry& a : record.answers) {
      std::erase_if(answers, [&](const infer::AnswerEntry& b) { return b.finding == a.finding; });
      answers.push_back(a);
    }
    infer::explain(record.text, answers, ctx.kb, o.explain, workspace, rep);
    rep.id = std::move(record.id);
    report::render(o.format, rep, ctx.kb, o.render, batch.out);
    rep.id.reset();
    if (rep.in_scope) ++batch.explained;
  }
}

// Workers take batches in order of submission; the caller writes them in the same order.
class OrderedPool {
 public:
  OrderedPool(unsigned workers, const Context& ctx, const StreamOptions& o) : ctx_(ctx), o_(o) {
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }
  ~OrderedPool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  void submit(std::shared_ptr<Batch> b) {
    {
      std::lock_guard lock(mu_);
      queue_.push_back(b);
    }
    cv_.notify_all();
  }

  void wait(const std::shared_ptr<Batch>& b) {
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, [&] { return b->done; });
  }

 private:
  void work() {
    for (;;) {
      std::shared_ptr<Batch> b;
      {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = std::move(queue_.front());
        queue_.pop_front();
      }
      process(*b, ctx_, o_);
      {
        std::lock_guard lock(mu_);
        b->done = true;
      }
      done_cv_.notify_all();
    }
  }

  const Context& ctx_;
  const StreamOptions& o_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::condition_variable done_cv_;
  std::deque<std::shared_ptr<Batch>> queue_;
  std::vector<std::thread> threads_;
  bool stop_ = false;
};

}  // namespace

int run_stream(const Context& ctx, const StreamOptions& o) {
  LineReader reader(STDIN_FILENO, kMaxRecordBytes);
  std::size_t explained = 0;
  std::size_t errors = 0;
  bool stopped = false;  // the reader went away, the disk filled, or Ctrl-C

  std::vector<std::shared_ptr<Batch>> spare;
  auto write_out = [&](const std::shared_ptr<Batch>& b) {
    explained += b->explained;
    errors += b->errors;
    if (!stopped && !ctx.out.write(b->out)) stopped = true;
    b->reset();
    spare.push_back(b);
  };

  std::unique_ptr<OrderedPool> pool;
  if (o.jobs > 1) pool = std::make_unique<OrderedPool>(o.jobs, ctx, o);
  std::deque<std::shared_ptr<Batch>> in_flight;
  const std::size_t max_in_flight = 2 * static_cast<std::size_t>(o.jobs);

  LineReader::Result status = LineReader::Result::line;
  bool too_long = false;
  while (!stopped && status == LineReader::Result::line) {
    std::shared_ptr<Batch> batch;
    if (spare.empty()) {
      batch = std::make_shared<Batch>();
    } else {
      batch = std::move(spare.back());
      spare.pop_back();
    }
    std::size_t bytes = 0;
    while (batch->count < kBatchLines && bytes < kBatchBytes) {
      if (batch->count == batch->lines.size()) {
        batch->lines.emplace_back();
        batch->too_long.push_back(0);
      }
      std::string& line = batch->lines[batch->count];
      status = reader.next(line, too_long);
      if (status != LineReader::Result::line) break;
      bytes += line.size();
      batch->too_long[batch->count++] = too_long ? 1 : 0;
    }
    if (batch->count == 0) break;
    if (!pool) {
      process(*batch, ctx, o);
      write_out(batch);
      continue;
    }
    pool->submit(batch);
    in_flight.push_back(batch);
    while (in_flight.size() >= max_in_flight) {
      pool->wait(in_flight.front());
      write_out(in_flight.front());
      in_flight.pop_front();
    }
  }
  for (auto& b : in_flight) {
    pool->wait(b);
    write_out(b);
  }
  pool.reset();

  if (status == LineReader::Result::interrupted || interrupted()) return kExitInterrupted;
  if (status == LineReader::Result::error) {
    print_error(fmt::format("cannot read stdin: {}", reader.error()));
    return kExitError;
  }
  if (ctx.out.closed()) return kExitExplained;  // a closed pipe ends quietly
  if (errors > 0) return kExitError;
  return explained > 0 ? kExitExplained : kExitNothing;
}

}  // namespace crampx::cli
