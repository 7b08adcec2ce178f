// Segment's own Node.js library sends to Waterwheel as it would to Segment: node send.mjs <base url> <write key> <user id>
// Exits non-zero if any call failed, so the test that runs it sees every refusal.
import { Analytics } from '@segment/analytics-node'

const [host, writeKey, userId] = process.argv.slice(2)
const analytics = new Analytics({ writeKey, host, flushAt: 20, flushInterval: 100, maxRetries: 2 })
let failures = 0
analytics.on('error', (error) => { failures++; console.error('segment error:', error?.reason ?? error) })

analytics.identify({ anonymousId: `anon-${userId}`, traits: { name: '赵敏', email: `${userId}@example.com` } })
analytics.track({ anonymousId: `anon-${userId}`, event: 'Product Viewed', properties: { sku: 'BREAD-001', price: 18.5 } })
analytics.alias({ previousId: `anon-${userId}`, userId })
analytics.identify({ userId, traits: { name: '赵敏', gender: 'female' } })
analytics.track({ userId, event: 'Order Completed', properties: { orderId: `o-${userId}`, total: 56 } })
analytics.page({ userId, name: '会员中心', properties: { path: '/member' } })

await analytics.closeAndFlush({ timeout: 20000 })
process.exit(failures === 0 ? 0 : 1)
