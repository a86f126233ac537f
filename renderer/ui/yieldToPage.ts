/**
 * Lets the page paint and handle input before the caller goes on: a new task, without the 4 ms
 * clamp of nested timers. For long work split into slices (parsing packs, drawing a big chart).
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
