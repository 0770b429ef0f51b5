// Messages of the ingest queue and its workers (`thidua queue …`, `thidua worker`).
import type { Entry } from './index.js';

export const QUEUE: Record<string, Entry> = {
  'queue.cmd-queue': { vi: 'hàng đợi đọc văn bản trên máy chủ PostgreSQL (cho nhiều máy cùng đọc)', en: 'the ingest queue on a PostgreSQL server (for many machines reading at once)' },
  'queue.cmd-add': { vi: 'đưa tệp và thư mục vào hàng đợi (mỗi nội dung tệp là một việc, dù đưa vào mấy lần)', en: 'queue files and directories (one job per file content, however often it is queued)' },
  'queue.cmd-status': { vi: 'số việc đang chờ, đang chạy, đã xong và bị lỗi', en: 'how many jobs are pending, active, done and failed' },
  'queue.cmd-retry': { vi: 'đưa các việc bị lỗi trở lại hàng đợi', en: 'put the failed jobs back in the queue' },
  'queue.cmd-worker': {
    vi: 'lấy việc từ hàng đợi, đọc từng tệp và lưu kế hoạch vào thư viện chung (chạy trên mỗi máy)',
    en: 'take jobs from the queue, read each file and store its plan in the shared library (run one on each machine)',
  },
  'queue.opt-db': { vi: 'máy chủ PostgreSQL của thư viện: postgres://người-dùng:mật-khẩu@máy/csdl', en: 'the library\'s PostgreSQL server: postgres://user:pass@host/db' },
  'queue.opt-json': { vi: 'in kết quả dạng JSON', en: 'print JSON' },
  'queue.opt-concurrency': { vi: 'số việc chạy cùng lúc (mặc định: số lõi của máy, {cores})', en: 'jobs run at once (default: the machine\'s cores, {cores})' },
  'queue.opt-lease': { vi: 'thời hạn giữ một việc, tính bằng giây, gia hạn khi đang chạy (mặc định {lease})', en: 'lease of a running job in seconds, renewed while it runs (default {lease})' },
  'queue.opt-until-empty': { vi: 'dừng khi không còn việc chờ hay đang chạy', en: 'stop when no job is pending or active' },
  'queue.opt-quiet': { vi: 'không in từng việc', en: 'do not print each job' },
  'queue.db-required': { vi: 'cần --db postgres://… (hoặc biến môi trường THIDUA_DB): hàng đợi nằm trên máy chủ PostgreSQL', en: 'needs --db postgres://… (or THIDUA_DB): the queue lives on a PostgreSQL server' },
  'queue.db-not-url': { vi: '--db nhận địa chỉ postgres://, không phải "{value}"', en: '--db takes a postgres:// URL, not "{value}"' },
  'queue.concurrency-invalid': { vi: '--concurrency nhận số nguyên từ 1 đến 64, không phải "{value}"', en: '--concurrency takes a whole number from 1 to 64, not "{value}"' },
  'queue.lease-invalid': { vi: '--lease nhận số giây từ 3 đến 86400, không phải "{value}"', en: '--lease takes a number of seconds from 3 to 86400, not "{value}"' },
  'queue.cannot-connect': { vi: 'không kết nối được hàng đợi trên máy chủ ({detail})', en: 'cannot connect to the queue on the server ({detail})' },
  'queue.database-lost': { vi: 'mất kết nối với máy chủ; việc đang làm sẽ được máy khác làm lại ({detail})', en: 'lost the database; the running jobs will be retried by another worker ({detail})' },
  'queue.no-files': { vi: 'không tìm thấy tệp kế hoạch nào', en: 'no plan files found' },
  'queue.not-a-file': { vi: 'không phải là tệp', en: 'is not a regular file' },
  'queue.empty': { vi: 'tệp rỗng', en: 'the file is empty' },
  'queue.too-large': { vi: 'tệp lớn hơn giới hạn {max} byte', en: 'the file is over the size limit of {max} bytes' },
  'queue.no-such-file': { vi: 'không có tệp hoặc thư mục này', en: 'no such file or directory' },
  'queue.cannot-read': { vi: 'không đọc được ({code})', en: 'cannot read ({code})' },
  'queue.bytes-missing': { vi: 'nội dung tệp không còn trong cơ sở dữ liệu; hãy đưa tệp vào hàng đợi lại', en: 'the file\'s bytes are no longer in the database; queue the file again' },
  'queue.extraction-failed': { vi: 'lỗi khi đọc văn bản: {detail}', en: 'extraction failed: {detail}' },
  'queue.add-summary': {
    vi: '{total} tệp: {queued} đưa vào hàng đợi, {already} đã có trong hàng đợi (hoặc đã xong), {failed} lỗi',
    en: '{total} files: {queued} queued, {already} already queued (or done), {failed} failed',
  },
  'queue.add-failed-line': { vi: '  lỗi: {path}: {reason}', en: '  failed: {path}: {reason}' },
  'queue.add-some-failed': { vi: '{failed}/{total} tệp không đưa vào hàng đợi được (xem tóm tắt)', en: '{failed} of {total} files could not be queued (see the summary)' },
  'queue.status-line': {
    vi: 'hàng đợi: {pending} đang chờ, {active} đang chạy, {done} đã xong, {failed} bị lỗi',
    en: 'queue: {pending} pending, {active} active, {done} done, {failed} failed',
  },
  'queue.status-failure': { vi: '  lỗi ({attempts} lần): {error}', en: '  failed ({attempts} attempts): {error}' },
  'queue.retried': { vi: '{count} việc bị lỗi được đưa lại vào hàng đợi', en: '{count} failed jobs put back in the queue' },
  'queue.worker-job': { vi: '{status}: {path}{detail}', en: '{status}: {path}{detail}' },
  'queue.worker-summary': {
    vi: 'xong {done} việc ({pages} trang), {failed} lần lỗi, trong {seconds} giây',
    en: '{done} jobs done ({pages} pages), {failed} failed attempts, in {seconds} s',
  },
  'library.holder-gone': {
    vi: 'tiến trình thidua đang giữ thư viện đã dừng giữa chừng; hãy chạy lại lệnh',
    en: 'the thidua process holding the library went away; run the command again',
  },
  'library.holder-not-answering': {
    vi: 'thư viện đang được một tiến trình thidua khác dùng (pid {pid}) và tiến trình đó không trả lời',
    en: 'the library is in use by another thidua process (pid {pid}) that does not answer',
  },
};
