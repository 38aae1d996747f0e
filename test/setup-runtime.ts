// Quiet Temporal's worker logs in tests: errors only (expected activity failures are asserted, not logged).
import { installTemporalRuntime } from '../platform/temporal-runtime';

installTemporalRuntime('ERROR');
