import ReelRouting
extension ReelConfiguration {
    /// The file as written (snake_case keys, LiteLLM's names); validated and resolved into ``ReelConfiguration``.
    struct ConfigFile: Decodable {
        var model_list: [ModelEntry]?
        var router_settings: RouterSection?
        var general_settings: GeneralSection?
        var reel_settings: ReelSection?

        struct ModelEntry: Decodable {
            var model_name: String?
            var litellm_params: Params?
            var model_info: Info?
        }

        struct Params: Decodable {
            var model: String?
            var api_key: String?
            var api_base: String?
            var api_version: String?
            var organization: OneOrMany?
            var vertex_project: String?
            var vertex_location: String?
            var vertex_credentials: String?
            var rpm: Int?
            var max_parallel_requests: Int?
            var weight: Double?
            var allowed_openai_params: [String]?
        }

        /// A string or a list of strings (LiteLLM lets `organization` list several).
        struct OneOrMany: Decodable {
            var values: [String]
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let one = try? container.decode(String.self) {
                    values = [one]
                } else {
                    values = try container.decode([String].self)
                }
            }
        }

        struct Info: Decodable {
            var id: String?
            var access_groups: [String]?
            var mode: String?
        }

        struct RouterSection: Decodable {
            var routing_strategy: String?
            var cooldown_time: Double?
            var allowed_fails: Int?
            var allowed_fails_window: Double?
        }

        struct GeneralSection: Decodable {
            var master_key: String?
        }

        struct ReelSection: Decodable {
            var redis_url: String?
            var redis: Redis?
            var queue: String?
            var catalog: String?
            var read_cache_entries: Int?
            var max_queued_jobs: Int?
            var retention: Double?
            var storage: Storage?
            var worker: Worker?
            var secrets: Secrets?

            struct Redis: Decodable {
                var url: String?
                var replica_acks: Int?
                var replica_ack_timeout: Double?
            }

            struct Storage: Decodable {
                var directory: String?
                var max_upload_bytes: Int?
                var s3: S3?
            }

            struct S3: Decodable {
                var bucket: String?
                var endpoint: String?
                var region: String?
                var access_key_id: String?
                var secret_access_key: String?
                var session_token: String?
                var path_style: Bool?
                var prefix: String?
                var presigned_redirects: Bool?
                var multipart_threshold: Int64?
            }

            struct Worker: Decodable {
                var concurrency: Int?
                var poll_interval_min: Double?
                var poll_interval_max: Double?
                var lease: Double?
                var budgets: Budgets?
            }

            struct Budgets: Decodable {
                var max_attempts: Int?
                var max_polls: Int?
                var max_stalls: Int?
                var deadline: Double?
                var deadlines: [String: Double]?
            }

            struct Secrets: Decodable {
                var id_secret: String?
                var id_previous_secrets: [String]?
                var realtime_secret: String?
            }
        }
    }
}
