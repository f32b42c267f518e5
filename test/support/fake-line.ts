/** Tests talk to the same fake LINE API the simulator uses. */
export { FakeLineApi as FakeLine, type RecordedRequest } from '../../src/simulator/fake-line-api.js';
