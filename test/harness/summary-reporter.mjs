// A node:test reporter that prints one line, `N passed, N failed, N skipped`, from the run's final
// summary. scripts/test-all.sh adds its static checks to these counts and prints the last line.
// Cancelled tests (a timeout, a crashed file) count as failed; todo tests count as skipped.
export default async function* summaryReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:summary' || event.data.file !== undefined) continue;
    const { tests, failed, cancelled, skipped, todo } = event.data.counts;
    const notRun = skipped + todo;
    const bad = failed + cancelled;
    yield `${tests - bad - notRun} passed, ${bad} failed, ${notRun} skipped\n`;
  }
}
