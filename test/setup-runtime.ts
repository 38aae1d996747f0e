// Quiet Temporal's worker logs in tests: warnings and errors only.
import { installTemporalRuntime } from '../platform/temporal-runtime';

installTemporalRuntime('WARN');
