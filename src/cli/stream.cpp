#include "cli/stream.h"

#include <malloc.h>
#include <unistd.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "cli/exit_codes.h"
#include "cli/kept_buffer.h"
#include "cli/line_reader.h"
#include "cli/memory_budget.h"
#include "cli/record.h"
#include "cli/terminal.h"

namespace crampx::cli {
namespace {

// Lines are handed to workers in batches, so locking costs little per record.
constexpr std::size_t kBatchLines = 256;
constexpr std::size_t kBatchBytes = 1 << 20;
// A batch takes fewer lines when their reports are long (a full JSON report can be 30 KB):
// about 1 MiB of output per batch, less with many threads (all of them fill one at once).
constexpr std::size_t kBatchOutBytes = 1 << 20;
constexpr std::size_t kMinBatchOutBytes = 64 * 1024;
constexpr std::size_t kThreadsOutBytes = 16u << 20;
// Threads read no further ahead while the batches explained but not yet written hold this
// much output (they wait for the writer; one batch is always let through).
constexpr std::size_t kUnwrittenBytes = 64u << 20;

// The memory a stream's threads may spend at once on explaining long records, each
// costed at what explaining a text takes per byte of it (measured with /usr/bin/time -v,
// docs/RELIABILITY.md). Shorter lines are cheap and counted by the batches' limits instead.
constexpr std::size_t kStreamMemoryBudget = std::size_t{512} << 20;
constexpr std::size_t kBytesPerInputByte = 24;
constexpr std::size_t kBudgetedLineBytes = 256 * 1024;
// After a line this long, a worker lets go of its buffers rather than keep them all stream.
constexpr std::size_t kLetGoAfterLineBytes = 1 << 20;
constexpr int kMmapThreshold = 1 << 20;

// The budget: kStreamMemoryBudget, or half of what a memory limit (ulimit -v, prlimit
// --as or --data) leaves the process, whichever is less.
std::size_t stream_memory_budget() {
  std::size_t budget = kStreamMemoryBudget;
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    struct rlimit limit {};
    if (getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
      budget = std::min<std::size_t>(budget, static_cast<std::size_t>(limit.rlim_cur / 2));
    }
  }
  return budget;
}

// Batches are reused once written: their line strings and output keep their capacity,
// so a long stream allocates nothing per record in steady state (but a line's buffer
// over kKeptLineBytes is let go, so that long lines do not stay in every slot).
constexpr std::size_t kKeptLineBytes = 64 * 1024;

// What became of a line in the reader.
constexpr char kLineKept = 0;
constexpr char kLineTooLong = 1;  // over kMaxRecordBytes: skipped
constexpr char kLineLost = 2;     // no memory to hold it: skipped

struct Batch {
  std::vector<std::string> lines;  // lines[0, count) hold this batch's records
  std::vector<char> too_long;      // kLine* for each line
  std::size_t count = 0;
  std::uint64_t first_line = 0;  // the input line number of lines[0]
  bool input_pending = false;  // the input had no more lines ready: write this batch out now
  std::string out;
  std::size_t explained = 0;
  std::size_t errors = 0;
  std::size_t reached = 0;     // records whose triage reached --fail-on's level
  bool out_of_memory = false;  // not even an error record fitted: the stream stops after this batch

  // `kept_out`: the output's capacity kept for the next use (many threads' spare batches
  // each keeping megabytes of reports added up to gigabytes at -j 256).
  void reset(std::size_t kept_out) {
    for (std::size_t i = 0; i < count; ++i) empty_kept(lines[i], kKeptLineBytes);
    count = 0;
    input_pending = false;
    empty_kept(out, kept_out);
    explained = errors = reached = 0;
    out_of_memory = false;
  }
};

// What one thread of a stream reuses from record to record: each thread that takes
// batches (the caller's too) makes one and passes it down, so nothing is shared and
// steady state allocates nothing.
struct Worker {
  RecordReader reader;
  Record record;
  infer::Workspace workspace;
  infer::Report rep;
  std::vector<infer::AnswerEntry> answers;
};

void explain_line(Batch& batch, std::size_t i, const Context& ctx, const StreamOptions& o, Worker& worker);

// Lets go of what a worker keeps from record to record (after a long record, its buffers
// are the size of that record's tokens, matches and report).
void let_go(Worker& worker) {
  worker.record = Record{};
  worker.rep = infer::Report{};
  worker.workspace = infer::Workspace{};
  std::vector<infer::AnswerEntry>{}.swap(worker.answers);
}

// What a record that ran out of memory leaves: its part of the output goes, the worker's
// buffers are let go (the record's text, analysis and report were what filled memory),
// and the record gets an error record in its place, with its id when it was read.
void out_of_memory(Batch& batch, std::size_t i, std::size_t mark, Worker& worker) {
  batch.out.resize(mark);
  std::string{}.swap(batch.lines[i]);
  // The id: the report's once it took it (explain_line), else the record's, if read.
  std::optional<std::string> id = worker.rep.id ? std::move(worker.rep.id) : std::move(worker.record.id);
  let_go(worker);
  try {
    report::render_error_record(id, batch.first_line + i, Error{ErrorCode::out_of_memory, "there was not enough memory to explain the record"},
                                batch.out);
    ++batch.errors;
  } catch (const std::bad_alloc&) {
    batch.out.resize(mark);
    batch.out_of_memory = true;
  }
}

void process(Batch& batch, const Context& ctx, const StreamOptions& o, Worker& worker, MemoryBudget& budget) {
  for (std::size_t i = 0; i < batch.count && !batch.out_of_memory; ++i) {
    const std::size_t mark = batch.out.size();
    const std::size_t bytes = batch.lines[i].size();
    if (bytes >= kBudgetedLineBytes && bytes * kBytesPerInputByte > budget.capacity()) {
      // More than the process may ever have (a memory limit): trying would only take the
      // memory the other threads' records need, and fail anyway.
      out_of_memory(batch, i, mark, worker);
      continue;
    }
    {
      // A long record waits until the others' long records leave room for it.
      const BudgetShare share(bytes >= kBudgetedLineBytes ? &budget : nullptr, bytes * kBytesPerInputByte);
      try {
        explain_line(batch, i, ctx, o, worker);
      } catch (const std::bad_alloc&) {
        out_of_memory(batch, i, mark, worker);
      }
    }
    if (bytes >= kLetGoAfterLineBytes) let_go(worker);
  }
}

void explain_line(Batch& batch, std::size_t i, const Context& ctx, const StreamOptions& o, Worker& worker) {
  Record& record = worker.record;
  infer::Report& rep = worker.rep;
  std::vector<infer::AnswerEntry>& answers = worker.answers;
  const std::uint64_t line = batch.first_line + i;
  {  // (the body of what was process()'s loop)
    if (batch.too_long[i] == kLineLost) {
      report::render_error_record(
          std::nullopt, line, Error{ErrorCode::out_of_memory, "there was not enough memory to read the line"}, batch.out);
      ++batch.errors;
      return;
    }
    if (batch.too_long[i] == kLineTooLong) {
      report::render_error_record(std::nullopt, line,
                          Error{ErrorCode::record_too_long,
                                fmt::format("the line is longer than the limit of {} MiB", kMaxRecordBytes >> 20)},
                          batch.out);
      ++batch.errors;
      return;
    }
    worker.reader.read(batch.lines[i], ctx.kb, record);
    if (record.error) {
      report::render_error_record(record.id, line, *record.error, batch.out);
      ++batch.errors;
      return;
    }
    answers = o.answers;
    for (const infer::AnswerEntry& a : record.answers) {
      std::erase_if(answers, [&](const infer::AnswerEntry& b) { return b.finding == a.finding; });
      answers.push_back(a);
    }
    infer::explain(record.text, answers, ctx.kb, o.explain, worker.workspace, rep);
    rep.id = std::move(record.id);
    record.id.reset();  // a moved-from id is an empty string, not no id
    rep.line = line;
    report::render(o.format, rep, ctx.kb, o.render, batch.out);
    rep.id.reset();
    if (rep.in_scope) ++batch.explained;
    if (o.fail_on && infer::reaches(rep.triage, *o.fail_on)) ++batch.reached;
  }
}

// Every thread, the caller's included, takes the next batch from the reader,
// explains it, and hands it in; whoever hands in the batch that is next in input
// order writes it and every finished batch after it. No thread waits on another in
// the steady state: on two cores, waking a sleeping coordinator for every batch cost
// more than reading and writing the batches does (docs/PERFORMANCE.md). Reading has a
// lock of its own, so that a thread waiting for slow input holds up no one's writing.
class Stream {
 public:
  Stream(const Context& ctx, const StreamOptions& o)
      : ctx_(ctx),
        o_(o),
        reader_(STDIN_FILENO, kMaxRecordBytes),
        max_in_flight_(2 * std::size_t{o.jobs}),
        batch_out_bytes_(std::clamp<std::size_t>(kThreadsOutBytes / o.jobs, kMinBatchOutBytes, kBatchOutBytes)) {}

  int run() {
    std::vector<std::thread> helpers;
    spare_.reserve(max_in_flight_ + o_.jobs);  // handing a batch back then allocates nothing
    try {
      helpers.reserve(o_.jobs);
      for (unsigned i = 1; i < o_.jobs; ++i) helpers.emplace_back([this] { work_or_stop(); });
    } catch (const std::system_error&) {
      // The system refused another thread (a process limit): go on with those there are.
    } catch (const std::bad_alloc&) {
      // No memory for another thread's stack: the same.
    }
    work_or_stop();
    for (std::thread& t : helpers) t.join();

    if (status_ == LineReader::Result::interrupted || interrupted()) return kExitInterrupted;
    if (out_of_memory_) {
      print_error(fmt::format("there was not enough memory {} ({}); the stream stopped there, and every record before "
                              "that was written",
                              short_of_, to_string(ErrorCode::out_of_memory)),
                  "use fewer threads (-j), shorter lines, or a higher memory limit");
      return kExitError;
    }
    if (status_ == LineReader::Result::error) {
      print_error(fmt::format("cannot read stdin: {}", reader_.error()));
      return kExitError;
    }
    if (ctx_.out.closed()) return kExitExplained;  // a closed pipe ends quietly
    if (errors_ > 0) return kExitError;
    if (reached_ > 0) return kExitTriageReached;
    return explained_ > 0 ? kExitExplained : kExitNothing;
  }

 private:
  // A thread that runs out of memory outside a record (its working memory, a batch's
  // lines) stops the stream cleanly: what was handed in before is still written.
  void work_or_stop() {
    try {
      work();
    } catch (const std::bad_alloc&) {
      const std::lock_guard lock(mu_);
      out_of_memory_ = true;
      short_of_ = "for a thread's working memory";
      room_.notify_all();
    }
  }

  void work() {
    Worker worker;
    for (;;) {
      std::unique_ptr<Batch> batch;
      std::size_t seq = 0;
      {
        const std::lock_guard reading(read_mu_);  // always taken before mu_, never after
        {
          std::unique_lock lock(mu_);
          // Bounded memory: a thread that runs ahead of the writer by max_in_flight_
          // batches waits for it (only when the other threads were held up).
          room_.wait(lock, [&] {
            return (read_seq_ - write_seq_ < max_in_flight_ &&
                    (unwritten_bytes_ < kUnwrittenBytes || read_seq_ == write_seq_)) ||
                   !more();
          });
          if (!more()) return;
          batch = take_spare();
        }
        LineReader::Result status = LineReader::Result::error;
        bool read_failed = false;
        try {
          status = read(*batch);  // may wait for input: mu_ is free meanwhile
        } catch (const std::bad_alloc&) {  // no memory for the next line: the lines read before it go on
          read_failed = true;
        }
        const std::lock_guard lock(mu_);
        if (read_failed) {
          out_of_memory_ = true;
          short_of_ = "to read the next line";
        }
        status_ = status;
        if (batch->count == 0) {
          spare_.push_back(std::move(batch));
          return;
        }
        seq = read_seq_++;
      }
      process(*batch, ctx_, o_, worker, budget_);
      hand_in(seq, std::move(batch));
    }
  }

  // Under mu_.
  bool more() const { return !stopped_ && !out_of_memory_ && status_ == LineReader::Result::line; }

  // Under mu_.
  std::unique_ptr<Batch> take_spare() {
    if (spare_.empty()) return std::make_unique<Batch>();
    std::unique_ptr<Batch> b = std::move(spare_.back());
    spare_.pop_back();
    return b;
  }

  // Under read_mu_: the next lines of the input, up to a batch's limits. Only the
  // first line is waited for; after it, the batch takes the lines that are there, so
  // a slow writer of the input gets each answer as soon as its line is explained.
  LineReader::Result read(Batch& batch) {
    std::size_t bytes = 0;
    bool too_long = false;
    const std::size_t per_line = std::max<std::size_t>(1, out_per_line_.load(std::memory_order_relaxed));
    const std::size_t max_lines = std::clamp<std::size_t>(batch_out_bytes_ / per_line, 1, kBatchLines);
    while (batch.count < max_lines && bytes < kBatchBytes) {
      if (batch.count == batch.lines.size()) {
        batch.lines.emplace_back();
        batch.too_long.push_back(0);
      }
      std::string& line = batch.lines[batch.count];
      const LineReader::Result status = reader_.next(line, too_long, /*wait=*/batch.count == 0);
      if (status == LineReader::Result::pending) {
        batch.input_pending = true;
        return LineReader::Result::line;  // more may come
      }
      if (status != LineReader::Result::line) return status;
      bytes += line.size();
      batch.too_long[batch.count++] = !too_long ? kLineKept : reader_.lost_to_memory() ? kLineLost : kLineTooLong;
      batch.first_line = ++lines_read_ - batch.count + 1;
    }
    return LineReader::Result::line;
  }

  void hand_in(std::size_t seq, std::unique_ptr<Batch> batch) {
    std::unique_lock lock(mu_);
    unwritten_bytes_ += batch->out.size();
    finished_[seq % max_in_flight_] = std::move(batch);
    if (writing_) return;  // the writer finds it when it comes back for more
    writing_ = true;
    // Write, outside the lock, each finished batch that is next in order.
    while (finished_[write_seq_ % max_in_flight_]) {
      std::unique_ptr<Batch> b = std::move(finished_[write_seq_ % max_in_flight_]);
      const bool stopped = stopped_;
      lock.unlock();
      explained_ += b->explained;
      errors_ += b->errors;
      reached_ += b->reached;
      const bool out_of_memory = b->out_of_memory;
      const std::size_t out_bytes = b->out.size();
      if (b->count > 0) out_per_line_.store(out_bytes / b->count, std::memory_order_relaxed);
      bool wrote = stopped || ctx_.out.write(b->out);
      if (wrote && b->input_pending) wrote = ctx_.out.flush();  // the reader of our output may be waiting
      b->reset(2 * batch_out_bytes_);
      lock.lock();
      if (!wrote) stopped_ = true;
      if (out_of_memory) {  // what comes after it would have a hole
        stopped_ = out_of_memory_ = true;
        short_of_ = "for even an error record";
      }
      spare_.push_back(std::move(b));
      unwritten_bytes_ -= out_bytes;
      ++write_seq_;
      room_.notify_all();
    }
    writing_ = false;
  }

  const Context& ctx_;
  const StreamOptions& o_;
  MemoryBudget budget_{stream_memory_budget()};
  std::mutex read_mu_;  // the reader: one thread at a time
  LineReader reader_;
  std::uint64_t lines_read_ = 0;  // under read_mu_: input lines read so far
  std::mutex mu_;       // everything below but what the writer alone touches
  std::condition_variable room_;  // the writer caught up
  LineReader::Result status_ = LineReader::Result::line;  // the reader's last word
  const std::size_t max_in_flight_;
  const std::size_t batch_out_bytes_;  // the output a batch is meant to hold
  std::size_t read_seq_ = 0;   // batches read so far
  std::size_t write_seq_ = 0;  // batches written (or dropped after the output closed) so far
  std::size_t unwritten_bytes_ = 0;  // output of the finished batches not yet written
  std::atomic<std::size_t> out_per_line_{0};  // output per line of the batch last written
  bool writing_ = false;       // a thread holds the writer's role
  bool stopped_ = false;       // the output closed or failed: read no more, write no more
  // A line, a record's error record or a thread found no memory: read no more, but write
  // what was read before (a batch that could not finish is written, then stopped_).
  bool out_of_memory_ = false;
  const char* short_of_ = "";  // what the memory was for
  // Finished batches waiting for their turn, at seq % max_in_flight_: at most
  // max_in_flight_ batches are read and not yet written.
  std::vector<std::unique_ptr<Batch>> finished_ = std::vector<std::unique_ptr<Batch>>(max_in_flight_);
  std::vector<std::unique_ptr<Batch>> spare_;
  // Touched only by the thread in the writer's role (handed over under mu_).
  std::size_t explained_ = 0;
  std::size_t errors_ = 0;
  std::size_t reached_ = 0;
};

}  // namespace

int run_stream(const Context& ctx, const StreamOptions& o) {
  // Buffers of a long record (its line, tokens, matches) come straight from the system and
  // go back to it when freed, rather than stay in the freeing thread's heap for the rest of
  // the stream (glibc would otherwise raise this threshold to the largest buffer freed).
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  return Stream(ctx, o).run();
}

}  // namespace crampx::cli
