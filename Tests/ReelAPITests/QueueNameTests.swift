import ReelConfiguration
import ReelQueue
import Testing

/// The configuration and the queue agree on queue names: a name the configuration accepts must not stop `reel api` or
/// `reel worker` at start (the queue refuses it with a precondition), and `reel queue --queue` takes the same names.
struct QueueNameTests {
    @Test(arguments: ["videos", "prod-eu_2.v1", "vidéos", "", "prod/eu", "a b", "{videos}", "a:b", "a+b", "x*"])
    func theConfigurationAcceptsExactlyTheNamesTheQueueAccepts(name: String) {
        let yaml = "reel_settings: {secrets: {id_secret: 0123456789abcdef}, queue: '\(name)'}"
        let accepted = (try? ReelConfiguration(yaml: yaml, environment: [:]))?.reel.queue == name
        #expect(accepted == RedisJobQueue.isValidName(name))
    }
}
